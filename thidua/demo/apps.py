from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "thidua.demo"
    label = "demo"
    verbose_name = "Demo"
