"""The nominations tests' fixtures: the Huế pipeline of nomination_pipeline.py and small files."""
import pytest
from nomination_pipeline import Pipeline, docx, pdf


@pytest.fixture
def pipeline(network, make_user, base_salary_entered):
    return Pipeline(network, make_user)


@pytest.fixture
def files():
    """Valid small files: ``files.pdf(name)``, ``files.docx(name)``."""
    return type("Files", (), {"pdf": staticmethod(pdf), "docx": staticmethod(docx)})

