// The seven contracts, as this server serves them at /openapi/<name>.yaml.
const CONTRACTS = ['dayzero', 'onboard', 'mielto', 'partner', 'session', 'admin', 'oauth2'];

// Every spec names "http://localhost:8080" as its local rotor server. The page is served by a rotor
// server, perhaps on another host or port: "try it out" against that entry goes to this page's own
// origin instead. The vendors' own servers, when picked, are left alone.
const LOCAL_SERVER = 'http://localhost:8080';

function toThisServer(request) {
  if (request.url.startsWith(LOCAL_SERVER + '/')) {
    request.url = window.location.origin + request.url.substring(LOCAL_SERVER.length);
  }
  return request;
}

window.onload = () => {
  window.ui = SwaggerUIBundle({
    urls: CONTRACTS.map(name => ({ name, url: `/openapi/${name}.yaml` })),
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    requestInterceptor: toThisServer,
  });
};
