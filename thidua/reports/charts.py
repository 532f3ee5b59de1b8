"""A chart is a small table: labels down the side, one column per series. The page draws it with
Chart.js from ``json_script`` data (reports/static/reports/charts.js: the project's colours, whole
numbers on the axis of a count), shows the same table beside it and exports it to Excel."""
from dataclasses import dataclass, field


@dataclass
class Chart:
    key: str
    title: str
    kind: str  # Chart.js type: bar, doughnut, line
    label_header: str
    series: list  # names of the value columns
    rows: list = field(default_factory=list)  # (label, [value per series])
    note: str = ""
    counts: bool = True  # whole numbers: the value axis ticks 0, 1, 2 … never 0.2

    @property
    def has_data(self):
        return any(any(values) for _label, values in self.rows)

    @property
    def headers(self):
        return [self.label_header, *self.series]

    def table_rows(self):
        return [[label, *values] for label, values in self.rows]

    def as_json(self):
        return {"key": self.key, "title": str(self.title), "kind": self.kind,
                "counts": self.counts, "axis": str(self.label_header),
                "labels": [str(label) for label, _values in self.rows],
                "series": [{"name": str(name), "values": [values[i] for _l, values in self.rows]}
                           for i, name in enumerate(self.series)]}


def from_counts(key, title, kind, label_header, series_name, counts, labels=None):
    """One series from {value: count}, labelled through ``labels`` (a dict), largest first."""
    labels = labels or {}
    ordered = sorted(counts.items(), key=lambda item: -item[1])
    rows = [(labels.get(value, value if value not in (None, "") else "—"), [n])
            for value, n in ordered if n]
    return Chart(key, title, kind, label_header, [series_name], rows)
