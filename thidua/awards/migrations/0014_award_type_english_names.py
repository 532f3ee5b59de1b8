"""English names of the award catalogue (issue 16, "English complete"): the seeded titles and
forms get a name and a short form in English, shown when the interface is in English. Documents
(decisions, certificates, statements) keep the Vietnamese name. Only empty fields are filled, so
an administrator's own wording is kept."""
from django.db import migrations, models

# code: (name in English, short form in English); the names are those of the eligibility engine.
ENGLISH = {
    "LDTT": ("Advanced Worker", "Adv. Worker"),
    "CSTDCS": ("Grassroots Emulation Fighter", "Grassroots EF"),
    "CSTD_BO": ("Emulation Fighter at ministry, agency, sector or provincial level",
                "Provincial EF"),
    "CSTD_TQ": ("National Emulation Fighter", "National EF"),
    "TTLDTT": ("Advanced Labour Collective", "Adv. Collective"),
    "TTLDXS": ("Excellent Labour Collective", "Exc. Collective"),
    "CO_BO": ("Emulation Flag of a ministry, agency, sector or province", "Provincial Flag"),
    "CO_CP": ("Government Emulation Flag", "Government Flag"),
    "GK": ("Certificate of Commendation", "Commendation"),
    "BK_BO": ("Certificate of Merit of a ministry, agency, sector or province", "Provincial Merit"),
    "BK_TTG": ("Prime Minister's Certificate of Merit", "PM's Merit"),
    "KNC": ("Medal for the Cause of Building and Developing the Collective Economy", "Medal"),
    "HCLD3": ("Third-Class Labour Order", "Labour Order 3"),
    "HCLD2": ("Second-Class Labour Order", "Labour Order 2"),
    "HCLD1": ("First-Class Labour Order", "Labour Order 1"),
}


def load(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    for code, (name, short) in ENGLISH.items():
        AwardType.objects.filter(code=code, name_en="").update(name_en=name)
        AwardType.objects.filter(code=code, abbreviation_en="").update(abbreviation_en=short)


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0013_base_salary_texts'),
    ]

    operations = [
        migrations.AddField(
            model_name='awardtype',
            name='abbreviation_en',
            field=models.CharField(blank=True, max_length=32, verbose_name='viết tắt tiếng Anh'),
        ),
        migrations.AddField(
            model_name='awardtype',
            name='name_en',
            field=models.CharField(blank=True, help_text='Hiện khi giao diện bằng tiếng Anh; văn bản, quyết định luôn dùng tên tiếng Việt.', max_length=200, verbose_name='tên tiếng Anh'),
        ),
        migrations.AddField(
            model_name='historicalawardtype',
            name='abbreviation_en',
            field=models.CharField(blank=True, max_length=32, verbose_name='viết tắt tiếng Anh'),
        ),
        migrations.AddField(
            model_name='historicalawardtype',
            name='name_en',
            field=models.CharField(blank=True, help_text='Hiện khi giao diện bằng tiếng Anh; văn bản, quyết định luôn dùng tên tiếng Việt.', max_length=200, verbose_name='tên tiếng Anh'),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
