"""The network: organisations in a tree, emulation blocs/clusters, people and their employments."""
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from thidua.core import crypto
from thidua.core.choices import CachedChoiceLabels
from thidua.core.links import pk_url
from thidua.core.scopes import ScopedQuerySet
from thidua.core.text import abbreviations, normalize, person_sort_key, sort_key
from thidua.core.word_search import word_prefix_q

from . import scoping, tree
from .ethnicities import ETHNICITY_CHOICES
from .geography import province_name
from .search_keys import PersonKeys


class OrganizationKind(models.TextChoices):
    NATIONAL_ALLIANCE = "NATIONAL_ALLIANCE", _("Liên minh HTX Việt Nam")
    ALLIANCE_DEPARTMENT = "ALLIANCE_DEPARTMENT", _("Ban, văn phòng thuộc Liên minh")
    ALLIANCE_UNIT = "ALLIANCE_UNIT", _("Đơn vị sự nghiệp, doanh nghiệp thuộc Liên minh")
    PROVINCIAL_ALLIANCE = "PROVINCIAL_ALLIANCE", _("Liên minh HTX tỉnh, thành phố")
    COOPERATIVE_UNION = "COOPERATIVE_UNION", _("Liên hiệp hợp tác xã")
    COOPERATIVE = "COOPERATIVE", _("Hợp tác xã")
    COOPERATIVE_GROUP = "COOPERATIVE_GROUP", _("Tổ hợp tác")
    CREDIT_FUND = "CREDIT_FUND", _("Quỹ tín dụng nhân dân")
    OTHER = "OTHER", _("Khác")


class Sector(models.TextChoices):
    AGRICULTURE = "AGRICULTURE", _("Nông nghiệp")
    INDUSTRY = "INDUSTRY", _("Công nghiệp – tiểu thủ công nghiệp")
    CONSTRUCTION = "CONSTRUCTION", _("Xây dựng")
    TRANSPORT = "TRANSPORT", _("Vận tải")
    TRADE = "TRADE", _("Thương mại – dịch vụ")
    CREDIT = "CREDIT", _("Tín dụng")
    ENVIRONMENT = "ENVIRONMENT", _("Môi trường")
    OTHER = "OTHER", _("Khác")


class OrganizationStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Đang hoạt động")
    DISSOLVED = "DISSOLVED", _("Đã giải thể")
    MERGED = "MERGED", _("Đã sáp nhập")


class OrganizationQuerySet(MP_NodeQuerySet):
    def subtree(self, organization, include_self=False):
        """Every unit below ``organization`` in one indexed prefix scan (no stale ``numchild``)."""
        queryset = self.filter(path__startswith=organization.path)
        return queryset if include_self else queryset.exclude(pk=organization.pk)

    def children_of(self, organization):
        """The units directly below ``organization`` (treebeard's own ``get_children`` trusts a
        possibly stale ``numchild`` on the instance)."""
        return self.filter(path__startswith=organization.path, depth=organization.depth + 1)

    def visible_to(self, user, roles=scoping.ALL_ROLES, deleted=False):
        """The units ``user`` may see with one of ``roles``: those not deleted, or with
        ``deleted`` those deleted (``deletion.py``), for the page that restores them."""
        return self.filter(scoping.organization_q(user, roles), deleted_at__isnull=not deleted)


class OrganizationManager(MP_NodeManager.from_queryset(OrganizationQuerySet)):
    def get_queryset(self):
        return OrganizationQuerySet(self.model, using=self._db).order_by("path")


tax_code_validator = RegexValidator(
    r"^\d{10}(-\d{3})?$", _("Mã số thuế gồm 10 chữ số, chi nhánh thêm -3 chữ số (0101234567-001).")
)


class Organization(CachedChoiceLabels, MP_Node):
    """A unit of the network; the tree is a materialised path (treebeard), so a subtree is one
    indexed prefix scan and ancestors are one query."""

    kind = models.CharField(_("loại hình"), max_length=32, choices=OrganizationKind.choices)
    code = models.CharField(_("mã đơn vị"), max_length=32, unique=True, error_messages={
        "unique": _("Mã đơn vị này đã được dùng cho một đơn vị khác.")})
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, blank=True,
                                validators=[tax_code_validator])
    sector = models.CharField(_("lĩnh vực"), max_length=16, choices=Sector.choices, blank=True)
    founding_date = models.DateField(_("ngày thành lập"), null=True, blank=True)
    is_new_model = models.BooleanField(_("HTX kiểu mới, gắn chuỗi giá trị"), default=False)
    province_code = models.PositiveSmallIntegerField(_("tỉnh, thành phố"), null=True, blank=True,
                                                     db_index=True)
    province_name = models.CharField(
        _("tên tỉnh khi ghi nhận"), max_length=100, blank=True,
        help_text=_("Giữ tên lịch sử (ví dụ Thừa Thiên Huế) trên hồ sơ cũ."),
    )
    ward_code = models.PositiveIntegerField(_("xã, phường"), null=True, blank=True)
    ward_name = models.CharField(_("tên xã, phường"), max_length=100, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang thông tin"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=16, choices=OrganizationStatus.choices,
                              default=OrganizationStatus.ACTIVE)
    status_date = models.DateField(_("ngày chuyển trạng thái"), null=True, blank=True)
    merged_into = models.ForeignKey("self", models.PROTECT, null=True, blank=True,
                                    related_name="merged_units", verbose_name=_("sáp nhập vào"))
    deleted_at = models.DateTimeField(_("xóa lúc"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey("accounts.User", models.PROTECT, null=True, blank=True,
                                   editable=False, related_name="+", verbose_name=_("người xóa"))
    deletion_reason = models.CharField(_("lý do xóa"), max_length=255, blank=True, editable=False)
    split_from = models.ForeignKey("self", models.PROTECT, null=True, blank=True,
                                   related_name="split_units", verbose_name=_("tách ra từ"),
                                   help_text=_("Khen thưởng đã có ở lại đơn vị cũ."))
    search_text = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=512, editable=False, default="", db_index=True)
    history = HistoricalRecords(excluded_fields=["search_text", "sort_key", "numchild"])

    node_order_by = None
    steplen = tree.STEPLEN
    objects = OrganizationManager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        indexes = [
            models.Index(fields=["path"], name="org_path_prefix", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["kind", "province_code"], name="org_kind_province"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return pk_url("organizations:organization_detail", self.pk)

    @property
    def is_active(self):
        """Active and not deleted (``deletion.py``): a unit that takes writes."""
        return self.status == OrganizationStatus.ACTIVE and self.deleted_at is None

    @property
    def is_merged(self):
        return self.status == OrganizationStatus.MERGED

    def closed_note(self):
        """Why a merged or dissolved unit offers no write action, or "" when it is active."""
        day = self.status_date.strftime("%d/%m/%Y") if self.status_date else "?"
        if self.is_merged:
            return _("Đơn vị đã sáp nhập vào %(successor)s từ %(day)s.") % {
                "successor": self.merged_into.name if self.merged_into_id else _("đơn vị khác"),
                "day": day}
        if self.status == OrganizationStatus.DISSOLVED:
            return _("Đơn vị đã giải thể từ %(day)s.") % {"day": day}
        if self.deleted_at:
            return _("Đơn vị đã bị xóa; quản trị hệ thống có thể khôi phục.")
        return ""

    def ancestor_paths(self, include_self=False):
        """The paths of the units above this one, root first (see tree.py)."""
        return tree.ancestor_paths(self.path, include_self=include_self)

    def is_within(self, other):
        """Whether this unit is ``other`` or below it."""
        return tree.is_within(self.path, other.path)

    def ancestors(self, include_self=False):
        """The units above this one, root first, in one indexed query."""
        return Organization.objects.filter(
            path__in=self.ancestor_paths(include_self)).order_by("depth")

    def clean(self):
        if self.status == OrganizationStatus.MERGED and not self.merged_into_id:
            raise ValidationError({"merged_into": _("Đơn vị đã sáp nhập phải chỉ rõ sáp nhập vào đâu.")})
        if self.status != OrganizationStatus.ACTIVE and not self.status_date:
            raise ValidationError({"status_date": _("Cần ngày giải thể hoặc sáp nhập.")})
        if self.founding_date and self.founding_date > timezone.localdate():
            raise ValidationError({"founding_date": _("Ngày thành lập không được ở tương lai.")})

    def refresh_derived_fields(self):
        if self.province_code and not self.province_name:
            self.province_name = province_name(self.province_code)
        text = " ".join(
            normalize(part) for part in (self.code, self.name, self.short_name, self.tax_code) if part
        )
        self.search_text = " ".join([text, *abbreviations(text)])
        self.sort_key = sort_key(self.name)

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        super().save(*args, **kwargs)


class EmulationGroupKind(models.TextChoices):
    BLOC = "BLOC", _("Khối thi đua")
    CLUSTER = "CLUSTER", _("Cụm thi đua")


class EmulationGroupQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Groups owned by a unit in the user's scope, or with a member unit in it."""
        member_in_scope = EmulationGroupMembership.objects.filter(
            group=models.OuterRef("pk")
        ).filter(scoping.organization_q(user, prefix="organization__"))
        return self.filter(
            scoping.organization_q(user, prefix="owner__") | models.Q(models.Exists(member_in_scope))
        )


class EmulationGroup(models.Model):
    """A bloc or cluster of comparable units for one year; next year's is a new row."""

    owner = models.ForeignKey(Organization, models.PROTECT, related_name="owned_emulation_groups",
                              verbose_name=_("cấp tổ chức"))
    kind = models.CharField(_("loại"), max_length=8, choices=EmulationGroupKind.choices,
                            default=EmulationGroupKind.BLOC)
    name = models.CharField(_("tên khối, cụm"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm"))
    members = models.ManyToManyField(Organization, through="EmulationGroupMembership",
                                     related_name="emulation_groups", verbose_name=_("thành viên"))
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = EmulationGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("khối, cụm thi đua")
        verbose_name_plural = _("khối, cụm thi đua")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name", "year"],
                                               name="unique_emulation_group_per_year")]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def get_absolute_url(self):
        return pk_url("organizations:group_detail", self.pk)

    def save(self, *args, **kwargs):
        self.search_text = normalize(self.name)
        super().save(*args, **kwargs)


class GroupRole(models.TextChoices):
    HEAD = "HEAD", _("Trưởng khối/cụm")
    DEPUTY = "DEPUTY", _("Phó trưởng khối/cụm")
    MEMBER = "MEMBER", _("Thành viên")


class EmulationGroupMembership(models.Model):
    group = models.ForeignKey(EmulationGroup, models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, models.PROTECT, related_name="group_memberships",
                                     verbose_name=_("đơn vị"))
    role = models.CharField(_("vai trò"), max_length=8, choices=GroupRole.choices,
                            default=GroupRole.MEMBER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên khối, cụm")
        verbose_name_plural = _("thành viên khối, cụm")
        constraints = [
            models.UniqueConstraint(fields=["group", "organization"], name="unique_group_member"),
            models.UniqueConstraint(fields=["group"], condition=models.Q(role="HEAD"),
                                    name="one_head_per_group"),
        ]


class Gender(models.TextChoices):
    MALE = "MALE", _("Nam")
    FEMALE = "FEMALE", _("Nữ")


class PersonQuerySet(ScopedQuerySet):
    def visible_to(self, user, roles=scoping.PEOPLE_READERS, deleted=False, browsing=False):
        """The people ``user`` may see with one of ``roles``: those not deleted, or with
        ``deleted`` those deleted (``deletion.py``), for the page that restores them.
        ``browsing``: listed without a name search (``scoping.person_q`` says why it matters)."""
        return self.filter(scoping.person_q(user, Employment.objects, roles, browsing),
                           deleted_at__isnull=not deleted)

    def search(self, query):
        return self.filter(word_prefix_q(query, PersonKeys))


class Person(CachedChoiceLabels, models.Model):
    """A staff member, official, cooperative member or worker; units come from Employment."""

    family_name = models.CharField(_("họ"), max_length=64)
    middle_name = models.CharField(_("tên đệm"), max_length=64, blank=True)
    given_name = models.CharField(_("tên"), max_length=64)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=2, choices=ETHNICITY_CHOICES, default="01")
    citizen_id_encrypted = models.TextField(editable=False, blank=True)
    citizen_id_digest = models.CharField(max_length=64, editable=False, null=True, unique=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    search_text = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=512, editable=False, default="", db_index=True)
    # Ids of the units this person currently works in and of all units above them; derived from
    # Employment by thidua/organizations/unit_scope.py, read by scoping.person_q on PostgreSQL.
    unit_scope = models.JSONField(editable=False, default=list)
    deleted_at = models.DateTimeField(_("xóa lúc"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey("accounts.User", models.PROTECT, null=True, blank=True,
                                   editable=False, related_name="+", verbose_name=_("người xóa"))
    deletion_reason = models.CharField(_("lý do xóa"), max_length=255, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["citizen_id_encrypted", "citizen_id_digest",
                                                 "search_text", "sort_key", "unit_scope"])

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return pk_url("organizations:person_detail", self.pk)

    @property
    def full_name(self):
        return " ".join(p for p in (self.family_name, self.middle_name, self.given_name) if p)

    @property
    def citizen_id(self):
        return crypto.decrypt(self.citizen_id_encrypted) if self.citizen_id_encrypted else ""

    @citizen_id.setter
    def citizen_id(self, value):
        value = (value or "").strip()
        self.citizen_id_encrypted = crypto.encrypt(value) if value else ""
        self.citizen_id_digest = crypto.digest(value) if value else None

    @property
    def citizen_id_masked(self):
        return crypto.mask(self.citizen_id)

    def clean(self):
        if self.birth_date and self.birth_date > timezone.localdate():
            raise ValidationError({"birth_date": _("Ngày sinh không được ở tương lai.")})

    def refresh_derived_fields(self):
        self.search_text = normalize(self.full_name)
        self.sort_key = person_sort_key(self.family_name, self.middle_name, self.given_name)

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        if not self._state.adding and kwargs.get("update_fields") is None:
            # unit_scope is written by unit_scope.refresh alone: an instance loaded before its
            # employments changed must not put the old scope back.
            kwargs["update_fields"] = [field.name for field in self._meta.concrete_fields
                                       if not field.primary_key and field.name != "unit_scope"]
        super().save(*args, **kwargs)


class EmploymentCategory(models.TextChoices):
    STAFF = "STAFF", _("Cán bộ")
    OFFICIAL = "OFFICIAL", _("Viên chức, người lao động hợp đồng")
    MEMBER = "MEMBER", _("Thành viên")
    WORKER = "WORKER", _("Người lao động")


class Membership(models.TextChoices):
    """A member's standing in the cooperative (Luật Hợp tác xã 2023, 17/2023/QH15): official
    members, and associate members who contribute capital or do not."""
    OFFICIAL = "OFFICIAL", _("Thành viên chính thức")
    ASSOCIATE_CAPITAL = "ASSOC_CAP", _("Thành viên liên kết góp vốn")
    ASSOCIATE = "ASSOC", _("Thành viên liên kết không góp vốn")


class MemberKind(models.TextChoices):
    """Who the member is (Luật Hợp tác xã 2023): a person in their own name, or a household, a
    cooperative group or a legal person acting through the person recorded as its
    representative."""
    PERSON = "PERSON", pgettext_lazy("member kind", "Cá nhân")
    HOUSEHOLD = "HOUSEHOLD", pgettext_lazy("member kind", "Hộ gia đình")
    COOPERATIVE_GROUP = "COOP_GROUP", pgettext_lazy("member kind", "Tổ hợp tác")
    LEGAL_PERSON = "LEGAL", pgettext_lazy("member kind", "Pháp nhân")


class EmploymentQuerySet(ScopedQuerySet):
    def visible_to(self, user):
        """Employments of the people the user can read (their whole career, not only the unit)."""
        return self.filter(person__in=Person.objects.visible_to(user).values("pk"))


class Employment(models.Model):
    """How a person belongs to a unit over a period; a move closes one row and opens another."""

    person = models.ForeignKey(Person, models.CASCADE, related_name="employments",
                               verbose_name=_("cá nhân"))
    organization = models.ForeignKey(Organization, models.PROTECT, related_name="employments",
                                     verbose_name=_("đơn vị"))
    position = models.CharField(_("chức vụ"), max_length=128, blank=True)
    category = models.CharField(_("đối tượng"), max_length=8, choices=EmploymentCategory.choices)
    membership = models.CharField(
        _("loại thành viên"), max_length=9, choices=Membership.choices, blank=True,
        help_text=_("Chỉ với thành viên; để trống là thành viên chính thức."))
    member_kind = models.CharField(
        _("thành viên là"), max_length=10, choices=MemberKind.choices, blank=True,
        help_text=_("Chỉ với thành viên; để trống là cá nhân."))
    represents = models.CharField(
        _("tên hộ, tổ hợp tác, pháp nhân"), max_length=255, blank=True,
        help_text=_("Khi thành viên là hộ gia đình, tổ hợp tác hoặc pháp nhân: người này là "
                    "người đại diện."))
    is_direct_worker = models.BooleanField(_("trực tiếp sản xuất"), default=False)
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    history = HistoricalRecords()

    objects = EmploymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["-start_date"]
        # Covering: "people currently in this subtree" is answered from the index alone on
        # PostgreSQL (Django ignores ``include`` on SQLite). See bench/RESULTS.md, p2.
        indexes = [models.Index(fields=["organization", "end_date"], include=["person"],
                                name="employment_org_current")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="employment_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.position or self.get_standing_display()} — {self.organization}"

    @property
    def is_current(self):
        return self.end_date is None or self.end_date >= timezone.localdate()

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        self.represents = self.represents.strip()
        if self.category != EmploymentCategory.MEMBER:
            if self.membership or self.member_kind or self.represents:
                raise ValidationError({"membership": _(
                    "Chỉ ghi loại thành viên khi đối tượng là thành viên.")})
            return
        self.membership = self.membership or Membership.OFFICIAL
        self.member_kind = self.member_kind or MemberKind.PERSON
        if self.member_kind == MemberKind.PERSON and self.represents:
            raise ValidationError({"represents": _(
                "Thành viên là cá nhân thì không ghi tên hộ, tổ hợp tác, pháp nhân.")})
        if self.member_kind != MemberKind.PERSON and not self.represents:
            raise ValidationError({"represents": _(
                "Ghi tên %(kind)s mà người này đại diện.") % {
                    "kind": self.get_member_kind_display().lower()}})

    def continued_at(self, organization, start_date, **changes):
        """A new row for this job's standing (post, category, kind of member) at
        ``organization`` from ``start_date``: a merger, a split or a transfer moves it as is."""
        standing = {name: getattr(self, name) for name in (
            "position", "category", "membership", "member_kind", "represents", "is_direct_worker")}
        return Employment(person=self.person, organization=organization, start_date=start_date,
                          **{**standing, **changes})

    def get_standing_display(self):
        """"Thành viên liên kết góp vốn" for a member (", đại diện Hộ ông Lê Văn An (hộ gia
        đình)" when the member is a household, a group or a legal person), else the category."""
        if self.category != EmploymentCategory.MEMBER or not self.membership:
            return self.get_category_display()
        if self.member_kind and self.member_kind != MemberKind.PERSON and self.represents:
            return _("%(standing)s, đại diện %(name)s (%(kind)s)") % {
                "standing": self.get_membership_display(),
                "kind": self.get_member_kind_display().lower(), "name": self.represents}
        return self.get_membership_display()


class PersonalDataAccess(models.Model):
    """Every time someone sees a full citizen ID, a row here says who, whose and when."""

    user = models.ForeignKey("accounts.User", models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, models.CASCADE, related_name="+")
    field = models.CharField(max_length=32, default="citizen_id")
    accessed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt xem dữ liệu cá nhân")
        verbose_name_plural = _("lượt xem dữ liệu cá nhân")
        ordering = ["-accessed_at"]


class TransferState(models.TextChoices):
    REQUESTED = "REQUESTED", _("Chờ đơn vị nhận xác nhận")
    ACCEPTED = "ACCEPTED", _("Đơn vị nhận đã tiếp nhận")
    REFUSED = "REFUSED", _("Đơn vị nhận từ chối")
    CANCELLED = "CANCELLED", _("Đơn vị chuyển đi đã hủy")


class TransferQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Transfers out of or into a unit where the user may read people."""
        return self.filter(
            scoping.organization_q(user, scoping.PEOPLE_READERS, "employment__organization__")
            | scoping.organization_q(user, scoping.PEOPLE_READERS, "to_unit__"))


class Transfer(models.Model):
    """A person's move from one unit to another that the receiving unit confirms or refuses
    (``transfers.py``); the row stays whatever the answer, so the history keeps every request."""

    employment = models.ForeignKey(Employment, models.PROTECT, related_name="transfers",
                                   verbose_name=_("công tác tại đơn vị chuyển đi"))
    to_unit = models.ForeignKey(Organization, models.PROTECT, related_name="incoming_transfers",
                                verbose_name=_("đơn vị nhận"))
    effective_date = models.DateField(_("ngày chuyển"))
    position = models.CharField(_("chức vụ tại đơn vị nhận"), max_length=128, blank=True)
    note = models.TextField(_("ghi chú của đơn vị chuyển đi"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=16, choices=TransferState.choices,
                             default=TransferState.REQUESTED)
    twin_confirmed = models.BooleanField(_("đã xác nhận không trùng người"), default=False)
    requested_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+",
                                     verbose_name=_("người đề nghị"))
    requested_at = models.DateTimeField(_("ngày đề nghị"), default=timezone.now)
    decided_by = models.ForeignKey("accounts.User", models.PROTECT, related_name="+", null=True,
                                   blank=True, verbose_name=_("người xử lý"))
    decided_at = models.DateTimeField(_("ngày xử lý"), null=True, blank=True)
    reason = models.TextField(_("lý do từ chối"), blank=True)
    new_employment = models.OneToOneField(Employment, models.PROTECT, related_name="+", null=True,
                                          blank=True, verbose_name=_("công tác tại đơn vị nhận"))
    history = HistoricalRecords()

    objects = TransferQuerySet.as_manager()

    class Meta:
        verbose_name = _("điều chuyển cá nhân")
        verbose_name_plural = _("điều chuyển cá nhân")
        ordering = ["-requested_at", "-pk"]
        constraints = [models.UniqueConstraint(
            fields=["employment"], condition=models.Q(state="REQUESTED"),
            name="one_pending_transfer_per_employment")]

    def __str__(self):
        return _("Chuyển %(person)s từ %(source)s sang %(target)s") % {
            "person": self.person.full_name, "source": self.from_unit.name,
            "target": self.to_unit.name}

    def get_absolute_url(self):
        return reverse("organizations:transfer_detail", args=[self.pk])

    @property
    def person(self):
        return self.employment.person

    @property
    def from_unit(self):
        return self.employment.organization

    @property
    def is_pending(self):
        return self.state == TransferState.REQUESTED
