"""Reading and changing the issuer catalogue: which kind of issuer a unit of the network is, what
each kind may confer on a date, and linking awards to issuers (services at the end, each with its
permission check, transaction and audit entry).

Other apps (the nomination wizard, decisions, the eligibility histories) ask here and nowhere
else whether an authority may confer a type.
"""
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from thidua.audit.recording import audited_update
from thidua.core.text import normalize
from thidua.organizations.geography import province_choices
from thidua.organizations.models import Organization
from thidua.organizations.scoping import NETWORK_EDITORS, assignments, organization_q

from .eligibility.powers import may_confer
from .issuer_names import BOARD_UNITS, UNIT_ISSUER_KIND, city_names, classify
from .issuers import ConferralPower, Issuer, IssuerAlias, IssuerKind
from .models import Award

IN_SYSTEM_KINDS = frozenset(UNIT_ISSUER_KIND.values()) | {IssuerKind.COOPERATIVE_BOARD}


def unit_issuer_kinds(organization):
    """The issuer kinds a unit decides as: its head's, and its board's for a cooperative."""
    if organization is None:
        return ()
    kind = UNIT_ISSUER_KIND.get(organization.kind)
    kinds = (kind,) if kind else ()
    return kinds + ((IssuerKind.COOPERATIVE_BOARD,) if organization.kind in BOARD_UNITS else ())


# ---------------------------------------------------------------- the catalogue of powers


def power_table():
    """{(issuer kind, award code): ((from, to), …)} for the whole catalogue (open ends None): the
    shape the eligibility engine reads (``powers``). One small query."""
    table = defaultdict(list)
    for kind, code, start, end in ConferralPower.objects.values_list(
            "issuer_kind", "award_code", "valid_from", "valid_to"):
        table[kind, code].append((start, end))
    return {key: tuple(periods) for key, periods in table.items()}


def powers_on(day):
    """The ConferralPower rows in force on ``day``, with their legal texts."""
    return ConferralPower.objects.on(day).select_related("legal_text")


def allowed_codes(issuer_kind, day):
    """The award codes an issuer of ``issuer_kind`` may confer on ``day``."""
    return set(powers_on(day).filter(issuer_kind=issuer_kind).values_list("award_code", flat=True))


def issuer_kinds_for(code, day):
    """The issuer kinds that may confer ``code`` on ``day``."""
    return set(powers_on(day).filter(award_code=code).values_list("issuer_kind", flat=True))


def unit_may_confer(organization, code, day):
    """Whether ``organization`` (as its head or its board) may confer award type ``code``."""
    kinds = unit_issuer_kinds(organization)
    return bool(kinds) and powers_on(day).filter(issuer_kind__in=kinds, award_code=code).exists()


def conferred_in_system(code, day):
    """Whether some unit of the network may confer ``code`` on ``day`` (if not, only authorities
    outside it can: the Prime Minister, the President, a province, a commune)."""
    return bool(issuer_kinds_for(code, day) & IN_SYSTEM_KINDS)


# ---------------------------------------------------------------- issuers


def issuer_for_unit(organization, kind=None):
    """The Issuer row of a unit of the network deciding as ``kind`` (default: its head), created
    on first use. None when the unit confers nothing."""
    kinds = unit_issuer_kinds(organization)
    kind = kind or (kinds[0] if kinds else None)
    if kind is None or kind not in kinds:
        return None
    issuer, _created = Issuer.objects.get_or_create(
        organization=organization, kind=kind,
        defaults={"name": organization.name, "province_code": organization.province_code})
    return issuer


def _province_names():
    return city_names(name for _code, name in province_choices())


def resolve(text):
    """The Issuer ``text`` names, if it can be told without asking anyone: an alias recorded
    earlier, or a unit of the network of exactly that name. Otherwise None."""
    key = IssuerAlias.key_for(text)
    if not key:
        return None
    alias = IssuerAlias.objects.select_related("issuer").filter(key=key).first()
    if alias:
        return alias.issuer
    candidates = Organization.objects.filter(search_text__contains=key).only(
        "name", "kind", "province_code")[:20]
    unit = next((unit for unit in candidates if normalize(unit.name) == key), None)
    return issuer_for_unit(unit) if unit else None


def guess_kind(text):
    """The kind of issuer ``text`` names by its wording, or None (see ``issuer_names``)."""
    return classify(text, _province_names())


def issuer_named(text, kind=""):
    """For a recorded or imported award: the Issuer ``text`` names (``resolve``), else a new one
    of ``kind`` when the officer said which, else of the kind its wording makes plain ("UBND xã
    Phong Điền" is a commune). None when none of these tells (the review page lists it)."""
    issuer = resolve(text)
    if issuer is not None or not (text or "").strip():
        return issuer
    kind = kind or guess_kind(text)
    if kind not in IssuerKind.values:
        return None
    issuer = Issuer.objects.create(kind=kind, name=text.strip()[:200])
    IssuerAlias.objects.get_or_create(key=IssuerAlias.key_for(text),
                                      defaults={"issuer": issuer, "text": text.strip()[:200]})
    return issuer


# ---------------------------------------------------------------- the review list


def unmapped_awards(user):
    """Awards the user keeps the registry of whose issuer is written but not yet identified."""
    return _kept_awards(user).filter(issuer__isnull=True).exclude(issuer_name="")


def _kept_awards(user):
    """The awards whose registry the user keeps: of people and units where they edit the
    network."""
    from thidua.organizations.models import Person

    people = Person.objects.visible_to(user, NETWORK_EDITORS).values("pk")
    return Award.objects.in_scope(Q(person__in=people) | Q(organization_q(
        user, NETWORK_EDITORS, prefix="organization__")))


def unmapped_names(user, limit=500):
    """[(issuer name as written, number of awards)] for the review page, most frequent first
    (at most ``limit`` names)."""
    rows = unmapped_awards(user).values("issuer_name").annotate(count=Count("pk")).order_by(
        "-count", "issuer_name")[:limit]
    return [(row["issuer_name"], row["count"]) for row in rows]


def can_map(user):
    """Registry keepers (E&C officers, administrators) anywhere may identify issuers; the awards
    they link are only those they keep."""
    return bool(user.is_active and (user.is_superuser or any(
        role in NETWORK_EDITORS for role, *_rest in assignments(user))))


def _covered_q(table):
    """Awards whose issuer kind could confer their type on their decision date (or at some
    time, when the decision date is unknown), as one filter built from ``power_table()``."""
    covered = Q(pk__in=[])
    for (kind, code), periods in table.items():
        when = Q(decision_date__isnull=True)
        for start, end in periods:
            span = Q()
            if start:
                span &= Q(decision_date__gte=start)
            if end:
                span &= Q(decision_date__lte=end)
            when |= span
        covered |= Q(issuer__kind=kind, award_type__code=code) & when
    return covered


def outside_powers(user):
    """The user's active awards whose identified issuer could not confer them on their decision
    date (say a CSTĐCS decided by a district after 30/6/2025): the data to check first."""
    return _kept_awards(user).filter(issuer__isnull=False, status="ACTIVE").exclude(
        _covered_q(power_table())).select_related(
        "issuer", "award_type", "person", "organization").order_by("-year", "pk")


@transaction.atomic
def map_issuer_name(user, text, issuer=None, kind="", name=""):
    """Link every award the user keeps whose issuer was written ``text`` to ``issuer`` (or to a new
    Issuer of ``kind`` and ``name``), and remember ``text`` as its alias so later imports link by
    themselves. Side effects: the Issuer (new), the alias, the awards' ``issuer`` with audit rows.
    Returns the number of awards linked."""
    if not can_map(user):
        raise PermissionDenied(_("Bạn không có quyền xác định cơ quan quyết định."))
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Thiếu tên cơ quan quyết định như đã ghi."))
    if issuer is None:
        if kind not in IssuerKind.values:
            raise ValidationError(_("Chọn một cơ quan quyết định đã có, hoặc chọn loại cơ quan "
                                    "để tạo mới."))
        issuer = Issuer(kind=kind, name=(name or text).strip()[:200])
        issuer.full_clean()
        issuer._history_user = user
        issuer.save()
    IssuerAlias.objects.update_or_create(key=IssuerAlias.key_for(text),
                                         defaults={"issuer": issuer, "text": text[:200]})
    awards = unmapped_awards(user).filter(issuer_name=text)
    return audited_update(awards, issuer=issuer)


@transaction.atomic
def save_power(user, power):
    """Add or change a row of the catalogue of powers (administrators only). Side effects: the row
    with its history."""
    if not user.has_perm("legal.manage_legal_texts"):
        raise PermissionDenied(_("Chỉ quản trị hệ thống cấp toàn quốc được sửa danh mục thẩm "
                                 "quyền."))
    power.full_clean()
    power._history_user = user
    power.save()
    return power


class Standing:
    """How an award counts for eligibility, by what it is."""

    COUNTED, UNVERIFIED, OUTSIDE = "counted", "unverified", "outside_powers"


def award_standing(award, table):
    """COUNTED, UNVERIFIED (issuer not identified yet) or OUTSIDE (its issuer could not confer
    that type on its decision date); ``table`` is ``power_table()``."""
    if award.issuer_id is None:
        return Standing.UNVERIFIED
    counted = may_confer(table, award.issuer.kind, award.award_type.code, award.decision_date)
    return Standing.COUNTED if counted else Standing.OUTSIDE


def with_standing(awards):
    """``awards`` (with ``issuer`` and ``award_type`` selected) as a list, each with its
    ``standing`` for the record pages."""
    table = power_table()
    awards = list(awards)
    for award in awards:
        award.standing = award_standing(award, table)
    return awards


__all__ = ["IN_SYSTEM_KINDS", "allowed_codes", "award_standing", "conferred_in_system",
           "guess_kind", "issuer_for_unit", "issuer_kinds_for", "map_issuer_name", "may_confer", "outside_powers",
           "power_table", "resolve", "issuer_named", "unit_issuer_kinds", "unit_may_confer",
           "unmapped_names", "with_standing"]
