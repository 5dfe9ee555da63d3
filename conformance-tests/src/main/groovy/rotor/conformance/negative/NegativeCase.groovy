package rotor.conformance.negative

/**
 * What one generated negative case does wrong, so that a contract's checks can pin the answer
 * where CONTRACTS.md (or the contract's spec) pins it: the kind of fault, the operation, and the
 * header, parameter or field it is in.
 */
class NegativeCase {

    enum Kind {
        MISSING_HEADER, WRONG_HEADER, OVERSIZED_HEADER,
        MISSING_QUERY, WRONG_QUERY,
        WRONG_PATH, OVERSIZED_PATH,
        MISSING_FIELD, WRONG_JSON_TYPE, NOT_ONE_OF, OVERSIZED_FIELD,
        WRONG_MEDIA_TYPE, NOT_AN_OBJECT,
        /** The body's JSON value with a second one after it: not JSON (RFC 8259 section 2). */
        NOT_ONE_VALUE
    }

    final Kind kind
    final String operationId
    /** The header, parameter or body field at fault; null for a fault of the whole body. */
    final String field

    NegativeCase(Kind kind, String operationId, String field) {
        this.kind = kind
        this.operationId = operationId
        this.field = field
    }

    boolean is(Kind kind, String field = null) {
        this.kind == kind && (field == null || this.field == field)
    }

    /** A fault of the request body as a whole or of one of its fields. */
    boolean isOfTheBody() {
        kind in [Kind.MISSING_FIELD, Kind.WRONG_JSON_TYPE, Kind.NOT_ONE_OF, Kind.OVERSIZED_FIELD, Kind.WRONG_MEDIA_TYPE, Kind.NOT_AN_OBJECT, Kind.NOT_ONE_VALUE]
    }
}
