from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class GuideConfig(AppConfig):
    name = "thidua.guide"
    label = "guide"
    verbose_name = pgettext_lazy("guide", "Hướng dẫn")
