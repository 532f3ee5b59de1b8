"""The facts every document prints, gathered once from the pipeline's records.

Each ``*_context`` returns plain dicts, lists and strings only: the same context feeds the docxtpl
Word templates (an organisation's own ones too, so these keys are the documented placeholders, see
``placeholders.py``) and the WeasyPrint HTML templates.
"""
import re
from collections import Counter as Tally
from collections import defaultdict
from functools import wraps

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from thidua.awards.citations import decision_bases, legal_basis_lines
from thidua.awards.models import Award, AwardCategory
from thidua.core.casing import sentence_case
from thidua.legal.citing import issuing_bases
from thidua.legal.models import DocumentKind
from thidua.nominations.models import Council, IssuerSettings
from thidua.nominations.states import SubjectKind
from thidua.nominations.workflow.council import passes
from thidua.organizations.models import Employment
from thidua.organizations.scoping import current_employment_q

SIGNER_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*", re.IGNORECASE)
SECTIONS = ((SubjectKind.INDIVIDUAL, gettext_lazy("I. Cá nhân")),
            (SubjectKind.COLLECTIVE, gettext_lazy("II. Tập thể")),
            (SubjectKind.HOUSEHOLD, gettext_lazy("III. Hộ gia đình")))
BLANK_DATE = gettext_lazy("ngày … tháng … năm …")
# What a decision's annex and award phrases read of its items: an annex has hundreds of rows, and
# the few award types are read once (prefetched) rather than joined on every row.
ANNEX_FIELDS = ("money_amount", "nomination__subject_kind", "nomination__household_name",
                "nomination__award_type", "nomination__person__family_name",
                "nomination__person__middle_name", "nomination__person__given_name",
                "nomination__organization__name")


def in_vietnamese(render):
    """Documents are official papers: always in Vietnamese, whatever the user's interface."""
    @wraps(render)
    def wrapper(*args, **kwargs):
        with override("vi"):
            return render(*args, **kwargs)

    return wrapper


def long_date(day):
    """'ngày 05 tháng 01 năm 2020' (NĐ 30/2020: leading zero for days below 10 and months 1–2)."""
    if day is None:
        return str(BLANK_DATE)
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return _("ngày %(d)s tháng %(m)s năm %(y)s") % {"d": f"{day.day:02d}", "m": month,
                                                    "y": day.year}


def short_date(day):
    return day.strftime("%d/%m/%Y") if day else ""


def money(amount):
    return number_format(amount or 0, force_grouping=True)


def place_of(organization):
    row = IssuerSettings.objects.filter(organization=organization).first()
    return (row and row.place_name) or organization.province_name or "Hà Nội"


def header(organization):
    """Ô 2 of the header: the parent body (not bold) over the issuing body (bold)."""
    parent = organization.ancestors().last()
    return {"parent_name": parent.name.upper() if parent else "",
            "parent_title": parent.name if parent else "",
            "issuer_name": organization.name.upper(), "issuer_title": organization.name,
            "place": place_of(organization)}


def signer(organization, title="", name=""):
    """Signer block lines ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH") and the authority line built from the
    head's title without its prefix ("CHỦ TỊCH LIÊN MINH HỢP TÁC XÃ VIỆT NAM")."""
    if not title:
        row = IssuerSettings.objects.filter(organization=organization).first()
        title = (row and row.signer_title) or _("Chủ tịch")
    written = [line.strip() for line in re.split(r"[\n/]", title) if line.strip()]
    head = SIGNER_PREFIX.sub("", written[0])
    return {"signer_lines": [line.upper() for line in written], "signer_name": name,
            "authority_line": f"{head.upper()} {organization.name.upper()}",
            "authority_title": sentence_case(head, organization.name)}


def signer_name_of(decision):
    """The name typed on the decision, else the name of the user who signed it."""
    return decision.signing_name


def positions(people_ids):
    """{person id: "position, unit"} from current employments, in one query (of values: a
    decision or a print run asks for hundreds of people)."""
    found = {}
    rows = Employment.objects.in_scope(Q(person_id__in=people_ids)).filter(current_employment_q()) \
        .order_by("person_id", "-start_date").values_list("person_id", "position",
                                                          "organization__name")
    for person_id, position, unit in rows:
        found.setdefault(person_id, ", ".join(part for part in (position, unit) if part))
    return found


def subject_row(nomination, where):
    """Name and "position, unit" of one nominee (person, collective or household)."""
    if nomination.person_id:
        name, detail = nomination.person.full_name, where.get(nomination.person_id, "")
    else:
        name, detail = nomination.organization.name, ""
    if nomination.subject_kind == SubjectKind.HOUSEHOLD:
        name = nomination.household_name or _("Hộ %(name)s") % {"name": name}
    return name, detail


def annex_sections(nominations, notes=None):
    """Non-empty sections I. Cá nhân / II. Tập thể / III. Hộ gia đình with numbered rows."""
    nominations = list(nominations)
    where = positions({n.person_id for n in nominations if n.person_id})
    notes = notes or {}
    mixed = len({n.award_type_id for n in nominations}) > 1
    grouped = defaultdict(list)
    for nomination in nominations:
        name, detail = subject_row(nomination, where)
        note = notes.get(nomination.pk, "")
        if mixed:
            note = "; ".join(p for p in (nomination.award_type.name, note) if p)
        grouped[nomination.subject_kind].append({"name": name, "detail": detail, "note": note})
    sections = []
    for kind, heading in SECTIONS:
        rows = grouped.get(kind)
        if rows:
            for index, row in enumerate(rows, start=1):
                row["index"] = index
            sections.append({"heading": str(heading), "rows": rows})
    return sections


def counts_phrase(nominations):
    """'2 tập thể và 3 cá nhân' for one award type's nominees."""
    tally = Tally(n.subject_kind for n in nominations)
    parts = [f"{tally[kind]} {label}" for kind, label in (
        (SubjectKind.COLLECTIVE, _("tập thể")), (SubjectKind.INDIVIDUAL, _("cá nhân")),
        (SubjectKind.HOUSEHOLD, _("hộ gia đình"))) if tally[kind]]
    return _(" và ").join(parts)


def award_phrases(nominations, issuer):
    """One 'Tặng Bằng khen … cho 2 tập thể và 3 cá nhân' per award type, in catalogue order."""
    by_type = defaultdict(list)
    for nomination in nominations:
        by_type[nomination.award_type].append(nomination)
    phrases = []
    for award_type, rows in sorted(by_type.items(), key=lambda pair: pair[0].order):
        if award_type.category == AwardCategory.TITLE and not award_type.code.startswith("CO"):
            verb = _("Công nhận danh hiệu “%(name)s”") % {"name": award_type.name}
        else:
            verb = _("Tặng %(name)s") % {"name": award_type.name}
        if issuer is not None and award_type.authority_level <= 2:
            verb += _(" của %(issuer)s") % {"issuer": issuer.name}
        phrases.append(_("%(verb)s cho %(counts)s") % {"verb": verb, "counts": counts_phrase(rows)})
    return phrases


def decision_context(decision):
    items = list(decision.items.select_related("nomination__person", "nomination__organization")
                 .only("decision", *ANNEX_FIELDS).prefetch_related("nomination__award_type"))
    nominations = [row.nomination for row in items]
    batch = decision.batch
    issuer = decision.issuer
    notes = {row.nomination_id: money(row.money_amount) + " đ" for row in items
             if row.money_amount}
    total = sum(row.money_amount for row in items)
    number = f"{decision.number:02d}" if decision.number else "     "
    context = {**header(issuer),
               **signer(issuer, decision.signer_title, signer_name_of(decision))}
    proposal = _("Xét đề nghị của %(unit)s") % {"unit": batch.proposer.name} if batch else ""
    if batch and batch.reference:
        proposal += _(" tại Tờ trình số %(ref)s") % {"ref": batch.reference}
    if Council.objects.filter(organization=issuer).exists():
        proposal += _(" và đề nghị của Hội đồng Thi đua – Khen thưởng")
    reason = (batch.movement_name if batch and batch.movement_name else
              _("năm %(year)s") % {"year": batch.year if batch else decision.year})
    article2 = _("Quyết định này có hiệu lực thi hành từ ngày ký.")
    if total:
        article2 += " " + _("Tổng số tiền thưởng là %(total)s đồng, chi từ Quỹ thi đua, khen "
                            "thưởng theo quy định.") % {"total": money(total)}
    reference = f"{number}/{decision.symbol}"
    in_force, bases = decision_bases(decision.legal_bases, [n.award_type for n in nominations],
                                     decision.date or timezone.localdate(), issuer)
    context.update({
        "number": number, "symbol": decision.symbol, "reference": reference,
        "date": long_date(decision.date), "date_short": short_date(decision.date),
        "title": decision.title, "is_draft": decision.state != "ISSUED",
        "bases_in_force": in_force,
        "legal_bases": bases,
        "proposal_line": proposal + "." if proposal else "",
        "article1": _("%(phrases)s (có danh sách kèm theo), đã có thành tích xuất sắc trong "
                      "%(reason)s.") % {"phrases": "; ".join(award_phrases(nominations, issuer)),
                                         "reason": reason},
        "article2": article2,
        "article3": _("Chánh Văn phòng, Trưởng Ban Thi đua – Khen thưởng, %(proposer)s và các "
                      "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
                      "này./.") % {"proposer": batch.proposer.name if batch else issuer.name},
        "recipients": [_("Như Điều 3;"), *([f"{context['parent_title']};"]
                                          if context["parent_title"] else []),
                       _("Lưu: VT, TĐKT.")],
        "annex_title": _("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"),
        "annex_reference": _("(Kèm theo Quyết định số %(ref)s %(date)s của %(authority)s)") % {
            "ref": reference, "date": long_date(decision.date),
            "authority": context["authority_title"]},
        "sections": annex_sections(nominations, notes),
        "total_money": money(total), "count": len(items),
    })
    return context


def batch_context(batch):
    """Tờ trình (Mẫu 01) and its annex: the proposer's header, the nominees."""
    nominations = list(batch.items.select_related("person", "organization", "award_type")
                       .order_by("pk"))
    proposer = batch.proposer
    short = (proposer.short_name or proposer.code).replace(" ", "").upper()
    reference = batch.reference or f"     /TTr-{short}"
    context = {**header(proposer), **signer(proposer)}
    phrases = award_phrases(nominations, batch.authority)
    today = timezone.localdate()
    in_force = issuing_bases(today, proposer, DocumentKind.PROPOSAL)
    context.update({
        "reference": reference, "date": str(BLANK_DATE), "title": batch.title,
        "authority_name": batch.authority.name, "year": batch.year,
        "movement": batch.movement_name,
        "legal_bases": legal_basis_lines("", [n.award_type for n in nominations], today, extra=[
            _("Căn cứ Biên bản họp và kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng %(unit)s")
            % {"unit": proposer.name}], in_force=in_force),
        "bases_in_force": in_force,
        "request_line": _("%(unit)s đề nghị %(authority)s xét: %(phrases)s (có danh sách kèm "
                          "theo).") % {"unit": proposer.name, "authority": batch.authority.name,
                                       "phrases": "; ".join(p[0].lower() + p[1:]
                                                            for p in phrases)},
        "recipients": [_("Như trên;"), _("Lưu: VT, TĐKT.")],
        "annex_title": _("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"),
        "annex_reference": _("(Kèm theo Tờ trình số %(ref)s của %(unit)s)") % {
            "ref": reference.strip(), "unit": proposer.name},
        "sections": annex_sections(nominations),
        "count": len(nominations),
    })
    return context


def ballot_counts(session, round_no, tallies):
    """Ballots of one round with the cross-checks of a biên bản kiểm phiếu
    (docs/forms.md#council-minutes-and-tally):
    issued ≤ members, returned ≤ issued, valid + invalid = returned."""
    attendance = list(session.attendance.all())
    returned = session.participations.filter(round=round_no).count()
    issued = (sum(1 for a in attendance if a.present or a.written_vote) if attendance
              else returned)
    valid = max((t.total for t in tallies), default=0)
    checks = [
        (_("Số phiếu phát ra không vượt tổng số thành viên"), issued <= session.total_members),
        (_("Số phiếu thu vào không vượt số phiếu phát ra"), returned <= issued),
        (_("Số phiếu hợp lệ không vượt số phiếu thu vào"), valid <= returned),
    ]
    return {"round": round_no, "issued": issued, "returned": returned, "valid": valid,
            "invalid": max(returned - valid, 0),
            "checks": [{"label": label, "ok": ok} for label, ok in checks],
            "consistent": all(ok for _label, ok in checks)}


def session_context(session):
    """Biên bản họp and biên bản kiểm phiếu of a council session."""
    council = session.council
    organization = council.organization
    tallies = list(session.tallies.select_related("item__person", "item__organization",
                                                  "item__award_type").order_by("round", "item_id"))
    where = positions({t.item.person_id for t in tallies if t.item.person_id})
    attendance = list(session.attendance.select_related("member__user"))
    present = sum(1 for a in attendance if a.present)
    rounds = []
    for round_no in sorted({t.round for t in tallies}):
        rows = [t for t in tallies if t.round == round_no]
        counts = ballot_counts(session, round_no, rows)
        counts["rows"] = []
        for index, tally in enumerate(rows, start=1):
            name, detail = subject_row(tally.item, where)
            share = tally.agree * 100 / session.total_members if session.total_members else 0
            counts["rows"].append({
                "index": index, "name": name, "detail": detail,
                "award": tally.item.award_type.name, "agree": tally.agree,
                "disagree": tally.disagree, "abstain": tally.abstain,
                "percent": number_format(share, 2),
                "result": _("Đạt") if passes(session, tally) else _("Không đạt")})
        rounds.append(counts)
    members = [{"name": a.member.user.get_full_name() or a.member.user.username,
                "role": a.member.get_role_display(),
                "status": _("có mặt") if a.present else (
                    _("vắng, có phiếu bằng văn bản") if a.written_vote else _("vắng"))}
               for a in attendance]
    passed = [r for r in (rounds[-1]["rows"] if rounds else []) if r["result"] == _("Đạt")]
    return {**header(organization), "council_name": council.name, "title": session.title,
            "date": long_date(session.date), "date_short": short_date(session.date),
            "secret": session.secret, "total_members": session.total_members,
            "present": present, "absent": session.total_members - present,
            "members": members, "rounds": rounds,
            "quorum_percent": number_format(session.quorum_percent, 2),
            "conclusion": _("Hội đồng thống nhất đề nghị khen thưởng %(n)s trường hợp đạt tỷ lệ "
                            "phiếu đồng ý theo quy định (tính trên tổng số thành viên Hội "
                            "đồng).") % {"n": len(passed)}}


def past_awards(nomination):
    """Titles and award forms already in the registry, with their decision references."""
    subject = {"person": nomination.person} if nomination.person_id else {
        "organization": nomination.organization}
    titles, forms = [], []
    for award in Award.objects.in_scope(Q(**subject)).select_related("award_type").order_by(
            "year"):
        row = {"year": award.year, "name": award.award_type.name,
               "decision": ", ".join(part for part in (
                   _("Số %(n)s") % {"n": award.decision_number} if award.decision_number else "",
                   short_date(award.decision_date), award.issuer_name) if part)}
        (titles if award.award_type.category == AwardCategory.TITLE else forms).append(row)
    return titles, forms


def item_context(nomination):
    """Báo cáo thành tích (docs/forms.md#achievement-reports) pre-filled for one nominee."""
    batch = nomination.batch
    titles, forms = past_awards(nomination)
    context = {"award_name": nomination.award_type.name.upper(), "year": batch.year,
               "achievement": nomination.achievement, "titles": titles, "forms": forms,
               "date": str(BLANK_DATE), "place": place_of(batch.proposer)}
    if nomination.person_id:
        person = nomination.person
        employment = person.employments.filter(current_employment_q()).select_related(
            "organization").first()
        context.update({
            "name": person.full_name, "birth_date": short_date(person.birth_date),
            "gender": person.get_gender_display(),
            "unit": employment.organization.name if employment else "",
            "position": employment.position if employment else ""})
    else:
        unit = nomination.organization
        context.update({
            "name": unit.name, "address": unit.address, "phone": unit.phone,
            "email": unit.email, "founding_date": short_date(unit.founding_date),
            "tax_code": unit.tax_code, "kind": unit.get_kind_display()})
    return context
