package computer.parachute.hub.core.token;

/** Values of {@code tokens.created_via}: which path minted a registry row (reference §4.2, checklist §8.5). */
public final class CreatedVia {
    /** {@code parachute auth rotate-operator}, and any explicit operator mint. */
    public static final String OPERATOR_MINT = "operator_mint";
    /** The CLI re-minted a token with under 7 days left (DESIGN §7). */
    public static final String AUTO_ROTATE = "operator_auto_rotate";
    /** The token's {@code iss} was stale after the hub's origin changed (reference §4.4). */
    public static final String ISSUER_SELF_HEAL = "operator_issuer_self_heal";
    /** The hub's first start found no operator.token and minted one. */
    public static final String HUB_BOOTSTRAP = "hub_bootstrap";

    private CreatedVia() {}
}
