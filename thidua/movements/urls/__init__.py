"""Movements' URLs: campaigns (movements, registrations, reports, reviews) and records (blocs,
programmes, exemplars, inspections, events) are kept in two modules."""
from .campaigns import urlpatterns as campaign_patterns
from .records import urlpatterns as record_patterns

app_name = "movements"
urlpatterns = campaign_patterns + record_patterns
