"""Certificate verification tokens: the award's id signed with the secret key (HMAC-SHA256), so
a token cannot be guessed or derived from another one, and stays valid as long as the award
exists (its status is read live, so a revoked award shows as revoked)."""
from django.conf import settings
from django.core import signing
from django.urls import reverse

SIGNER = signing.Signer(salt="thidua.documents.verification", algorithm="sha256", sep=".")


def token_for(award):
    return SIGNER.sign(signing.b62_encode(award.pk))


def award_id(token):
    """The award id a token was made for, or None for anything forged or malformed."""
    try:
        value = SIGNER.unsign(token)
        return signing.b62_decode(value)
    except (signing.BadSignature, ValueError):
        return None


def verification_path(award):
    return reverse("documents:verify", args=[token_for(award)])


def verification_url(award):
    return settings.THIDUA_SITE_URL.rstrip("/") + verification_path(award)


DECISION_SIGNER = signing.Signer(salt="thidua.documents.decision-verification", algorithm="sha256",
                                 sep=".")


def decision_token(decision):
    """The decision's verification code (mã xác minh) for /xac-minh/quyet-dinh/<mã>/."""
    return DECISION_SIGNER.sign(signing.b62_encode(decision.pk))


def decision_id(token):
    try:
        return signing.b62_decode(DECISION_SIGNER.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
