from datetime import timedelta

from django.db import migrations, models


def expire_existing(apps, schema_editor):
    """Tokens made before expiry existed get the default lifetime from their creation."""
    ApiToken = apps.get_model("accounts", "ApiToken")
    for token in ApiToken.objects.all():
        token.expires_at = token.created_at + timedelta(days=180)
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):

    dependencies = [("accounts", "0002_initial")]

    operations = [
        migrations.AddField(
            model_name="apitoken", name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="hết hạn lúc")),
        migrations.RunPython(expire_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken", name="expires_at",
            field=models.DateTimeField(verbose_name="hết hạn lúc")),
        migrations.AddField(
            model_name="apitoken", name="revoked_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="thu hồi lúc")),
        migrations.AddField(
            model_name="apitoken", name="revoked_reason",
            field=models.CharField(blank=True, choices=[
                ("BY_USER", "Người dùng thu hồi"), ("PASSWORD", "Mật khẩu đã đổi"),
                ("DEACTIVATED", "Tài khoản bị khóa"), ("ROLE_LOST", "Vai trò bị thu hồi")],
                max_length=16, verbose_name="lý do thu hồi")),
        migrations.AddField(
            model_name="apitoken", name="roles",
            field=models.JSONField(default=list, editable=False)),
    ]
