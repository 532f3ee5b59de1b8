"""The records' tables take this app's names: ``movements_exemplar`` becomes ``records_exemplar``,
and so on for the historical tables and the many-to-many tables (renamed with their model); the
reviews' table ``movements_review_exemplars`` becomes ``records_exemplar_reviews`` (last, once
``records_exemplar`` exists). Renaming rather than keeping ``db_table`` in the models: an old
database and a fresh one end with the same names, and nothing in the code recalls where the
models came from. Renames keep rows, ids and constraints (PostgreSQL and SQLite alike)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('movements', '0006_records_move_out'),
        ('records', '0002_content_types'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='cooperationprogramme',
            table=None,
        ),
        migrations.AlterModelTable(
            name='event',
            table=None,
        ),
        migrations.AlterModelTable(
            name='exemplar',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalcooperationprogramme',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalevent',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalexemplar',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalinitiative',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalinspection',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalpledge',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalpledgesignature',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalscore',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalscorecriterion',
            table=None,
        ),
        migrations.AlterModelTable(
            name='historicalscoresheet',
            table=None,
        ),
        migrations.AlterModelTable(
            name='initiative',
            table=None,
        ),
        migrations.AlterModelTable(
            name='inspection',
            table=None,
        ),
        migrations.AlterModelTable(
            name='pledge',
            table=None,
        ),
        migrations.AlterModelTable(
            name='pledgesignature',
            table=None,
        ),
        migrations.AlterModelTable(
            name='programmetarget',
            table=None,
        ),
        migrations.AlterModelTable(
            name='score',
            table=None,
        ),
        migrations.AlterModelTable(
            name='scorecriterion',
            table=None,
        ),
        migrations.AlterModelTable(
            name='scoresheet',
            table=None,
        ),
        migrations.AlterField(
            model_name='exemplar',
            name='reviews',
            field=models.ManyToManyField(blank=True, related_name='exemplars', to='movements.review', verbose_name='sơ kết, tổng kết'),
        ),
    ]
