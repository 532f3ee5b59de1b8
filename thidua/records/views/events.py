"""Events: the five-yearly Patriotic Emulation Congress and exemplar conferences, linking the
reviews they sum up and the exemplars they honour."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views import View

from thidua.movements.models import Review
from thidua.organizations.scoping import organization_q

from .. import services
from ..forms import EventForm
from ..models import Event, Exemplar
from .programmes import RecordFormView, RecordListView, managed_units, object_or_403


class EventListView(RecordListView):
    template_name = "records/event_list.html"

    def get(self, request):
        events = Event.objects.visible_to(request.user)
        return self.render_to_response(self.get_context_data(
            events=events.select_related("organizer")))


class EventDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        event = object_or_403(request.user, Event.objects.select_related("organizer"), pk,
                              "movements.view_level", lambda e: e.organizer)
        return render(request, "records/event_detail.html", {
            "event": event,
            "reviews": event.reviews.select_related("movement", "organization"),
            "exemplars": event.exemplars.select_related("unit", "person"),
            "can_edit": request.user.has_perm("movements.manage_level", event.organizer),
            "history": event.history.select_related("history_user")[:10],
        })


class EventFormView(RecordFormView):
    model = Event
    form_class = EventForm
    unit_field = "organizer"
    titles = (gettext_lazy("Thêm sự kiện thi đua"), gettext_lazy("Sửa sự kiện thi đua"))
    saved_message = gettext_lazy("Đã lưu sự kiện thi đua.")
    detail_name, list_name = "records:event_detail", "records:event_list"

    def form_kwargs(self):
        user = self.request.user
        units = managed_units(user)
        return {"units": units,
                "reviews": Review.objects.in_scope(organization_q(
                    user, prefix="organization__")).select_related("movement"),
                "exemplars": Exemplar.objects.visible_to(user).order_by("title")}

    def save(self, form):
        return services.save_event(self.request.user, form.save(commit=False),
                                   list(form.cleaned_data["reviews"]),
                                   list(form.cleaned_data["exemplars"]))
