"""Demo E&C departments and civil servants (Biểu 0604–0605) for the VCA and the Huế alliance:
invented names and years, one person who moved on in 2024 so the forms of 2024 and 2025 differ.
Each record is found again by (unit, name), so a second run creates nothing and keeps edits."""
from thidua.organizations.models import Organization
from thidua.reports.models import ECDepartment, ECDepartmentLevel, ECStaffMember, TrainingLevel

from . import data

L, T = ECDepartmentLevel, TrainingLevel
DEPARTMENTS = {  # unit code → (name, level, from year, to year)
    data.VCA["code"]: [("Ban Thi đua – Khen thưởng", L.DEPARTMENT, 2006, None),
                       ("Bộ phận Khen thưởng thuộc Ban", L.DEPARTMENT_DIVISION, 2019, None)],
    f"P{data.HUE:02d}": [("Phòng Thi đua – Khen thưởng", L.HOME_AFFAIRS_DIVISION, 2008, None)],
}
STAFF = {  # unit code → (name, gender, birth year, training, E&C since, at the unit from, to)
    data.VCA["code"]: [
        ("Nguyễn Thị Thu Trang", "FEMALE", 1978, T.POSTGRADUATE, 2004, 2006, None),
        ("Phạm Văn Hưng", "MALE", 1969, T.UNIVERSITY, 1998, 2006, None),
        ("Lê Minh Tuấn", "MALE", 1992, T.UNIVERSITY, 2017, 2019, None),
        ("Đỗ Thị Hạnh", "FEMALE", 1996, T.COLLEGE, 2022, 2022, None),
    ],
    f"P{data.HUE:02d}": [
        ("Trần Thị Ngọc Hà", "FEMALE", 1983, T.UNIVERSITY, 2009, 2009, None),
        ("Hồ Đăng Khoa", "MALE", 1964, T.UNIVERSITY, 1995, 2008, None),
        ("Võ Thị Mỹ Linh", "FEMALE", 1990, T.INTERMEDIATE, 2015, 2015, 2024),
    ],
}


def load(actor, created):
    units = Organization.objects.in_bulk([*DEPARTMENTS, *STAFF], field_name="code")
    for code, rows in DEPARTMENTS.items():
        for name, level, start, end in rows:
            _ensure(actor, created, "ec_departments", ECDepartment, organization=units[code],
                    name=name, defaults={"level": level, "start_year": start, "end_year": end})
    for code, rows in STAFF.items():
        for name, gender, birth, training, since, start, end in rows:
            _ensure(actor, created, "ec_staff", ECStaffMember, organization=units[code],
                    full_name=name, defaults={
                        "gender": gender, "birth_year": birth, "training_level": training,
                        "ec_since_year": since, "start_year": start, "end_year": end})


def _ensure(actor, created, counter, model, defaults, **key):
    if model.objects.filter(**key).exists():
        return
    record = model(**key, **defaults)
    record._history_user = actor  # django-simple-history: who wrote the first version
    record.full_clean()
    record.save()
    created[counter] += 1
