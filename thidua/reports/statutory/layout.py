"""A statistical form as data: header texts, grouped columns and coded rows of figures. Totals
are not typed in: column 1 is the sum of the leaf columns and each row counts the facts its
predicate selects, so rows and columns agree by construction."""
from dataclasses import dataclass, field


@dataclass
class Column:
    group: str  # the statutory heading; leaves of one group are merged under it
    number: str  # the column key printed under the headings (1, 2, 3 …)
    header: str = ""  # the leaf heading inside a group ("" when the group is one column)
    selects: object = None  # predicate on a fact row
    in_total: bool = True  # False for a "Trong đó" column: a subset of the total, not a share
    shown: str = ""  # the leaf heading on screen when the catalogue words it per language


@dataclass
class Row:
    code: str
    label: str
    unit: str = ""
    selects: object = None  # predicate on a fact row; None for a heading line
    bold: bool = False
    values: list = field(default_factory=list)

    @property
    def is_heading(self):
        return self.selects is None


@dataclass
class StatisticalForm:
    number: str  # 0601 …
    title: str
    unit_of_measure: str
    period_label: str
    reporting_unit: str
    receiving_unit: str
    columns: list
    rows: list
    received_note: str = ""
    notes: list = field(default_factory=list)
    unit_column: bool = True  # 0605 has no "Đơn vị tính" column (C)

    @property
    def symbol(self):
        return f"Biểu số: {self.number}.N/BNV-TĐKT"

    @property
    def circular(self):
        number = "02/2023" if self.number == "0601" else "2/2023"
        return f"Ban hành theo Thông tư số {number}/TT-BNV ngày 23/3/2023"

    @property
    def grouped_columns(self):
        """[(group heading, number, [leaf headings])] in order, for two-level headers, as the
        circular words them (the files filed: XLSX, PDF)."""
        return self.grouped(lambda column: column.header)

    @property
    def shown_columns(self):
        """The same on screen, where a leaf named from the catalogue is in the interface's
        language (the template translates the circular's own words)."""
        return self.grouped(lambda column: column.shown or column.header)

    def grouped(self, leaf):
        groups = []
        for column in self.columns:
            if groups and groups[-1][0] == column.group and column.header:
                groups[-1][2].append(leaf(column))
            else:
                groups.append((column.group, column.number,
                               [leaf(column)] if column.header else []))
        return groups

    @property
    def has_leaf_headers(self):
        return any(column.header for column in self.columns)

    @property
    def lead_keys(self):
        """The keys of the label columns: A, B and (unless the form has none) C."""
        return ["A", "B", "C"] if self.unit_column else ["A", "B"]

    def fill(self, facts):
        """Count ``facts`` (dicts with an ``n``) into every row; the first column is the total:
        the sum of the columns that share it out, or the whole row when none does."""
        for row in self.rows:
            if row.is_heading:
                continue
            selected = [fact for fact in facts if row.selects(fact)]
            leaves = [sum(f["n"] for f in selected if column.selects(f))
                      for column in self.columns[1:]]
            parts = [value for column, value in zip(self.columns[1:], leaves, strict=True)
                     if column.in_total]
            total = sum(parts) if parts else sum(f["n"] for f in selected)
            row.values = [total, *leaves]
        return self

    @property
    def total(self):
        return self.rows[0].values[0] if self.rows and self.rows[0].values else 0
