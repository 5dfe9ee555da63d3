package rotor.server.engine;

import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The dialect beans by id; the start fails when a dialect has no bean or two. */
@Singleton
public class Dialects {

    private final Map<Dialect, TokenDialect> byId = new EnumMap<>(Dialect.class);

    public Dialects(List<TokenDialect> dialects) {
        for (TokenDialect dialect : dialects) {
            if (byId.put(dialect.id(), dialect) != null) {
                throw new IllegalStateException("two beans for dialect " + dialect.id().wireName());
            }
        }
        for (Dialect id : Dialect.values()) {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException("no TokenDialect bean for dialect " + id.wireName());
            }
        }
    }

    public TokenDialect of(Dialect id) {
        return byId.get(id);
    }

    /** The refresh token formats that the dialects mint, each once. */
    public List<RefreshTokenFormat> refreshTokenFormats() {
        return byId.values().stream().map(TokenDialect::refreshTokens).distinct().toList();
    }
}
