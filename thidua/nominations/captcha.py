"""An image-free CAPTCHA: a small sum whose answer travels signed (and time-limited) in the form,
so the server keeps no state."""
import random

from django.core import signing

SALT = "thidua.nominations.captcha"
MAX_AGE = 30 * 60


def new_challenge():
    """(question, token) such as ("7 + 5", "…signed…")."""
    a, b = random.randint(1, 9), random.randint(1, 9)
    return f"{a} + {b}", signing.dumps(a + b, salt=SALT)


def check(token, answer):
    try:
        expected = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    return str(answer).strip() == str(expected)
