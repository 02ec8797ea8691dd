package computer.parachute.hub.core.token;

/** Why an auto-rotate or issuer self-heal left the token as it was (reference §4.3, §4.4). */
public enum SkipReason {
    /** The target issuer is loopback: never downgrade a token minted for a public origin. */
    ISSUER_LOOPBACK("issuer-loopback"),
    /** Signature, expiry or revocation check failed; the file is left untouched. */
    UNVERIFIABLE("unverifiable"),
    /** Not an operator token: re-minting it as one would change what it is. */
    AUD_MISMATCH("aud-mismatch"),
    NO_SUB("no-sub"),
    /** No (known) {@code pa_scope_set}: re-minting would have to guess, and must never widen to admin. */
    NO_SCOPE_SET("no-scope-set");

    private final String wireName;

    SkipReason(String wireName) {
        this.wireName = wireName;
    }

    /** The reference's spelling, e.g. {@code aud-mismatch}. */
    public String wireName() {
        return wireName;
    }
}
