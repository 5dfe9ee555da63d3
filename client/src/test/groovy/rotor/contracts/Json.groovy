package rotor.contracts

/** JSON trees compared as a client sees them: absent and null members are the same. */
class Json {

    static Object withoutNulls(Object value) {
        switch (value) {
            case Map: return (value as Map).findAll { k, v -> v != null }.collectEntries { k, v -> [k, withoutNulls(v)] }
            case List: return (value as List).collect { withoutNulls(it) }
            default: return value
        }
    }
}
