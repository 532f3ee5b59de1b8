from django.views import View


class ImportView(View):
    pass
