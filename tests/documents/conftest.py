"""An issued decision of the Huế alliance over a Huế cooperative's batch (two people and the
cooperative), built through the pipeline's own create and issue functions."""
from datetime import date

import pytest
from pki import Pki
from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.nominations import workflow
from thidua.nominations.models import Council, CouncilMembership, IssuerSettings, NominationBatch
from thidua.nominations.states import CouncilResult, State, SubjectKind, Verdict


class Commendation:
    def __init__(self, network, make_user):
        self.network = network
        self.signer = make_user(Role.SIGNER, network.hue)
        IssuerSettings.objects.create(organization=network.hue, decision_symbol="QĐ-LMHTX",
                                      place_name="Huế", signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        self.council = Council.objects.create(organization=network.hue,
                                              name="Hội đồng Thi đua – Khen thưởng Huế")
        for index in range(3):
            CouncilMembership.objects.create(council=self.council,
                                             user=make_user(Role.COUNCIL_MEMBER, network.hue),
                                             role="CHAIR" if index == 0 else "MEMBER",
                                             start_date=date(2020, 1, 1))
        self.batch = NominationBatch.objects.create(
            proposer=network.hue_coop, authority=network.hue, reference="12/TTr-HTX",
            title="Đề nghị tặng Giấy khen năm 2025", year=2025, state=State.AT_COUNCIL,
            created_by=self.signer)
        gk = AwardType.objects.get(code="GK")
        self.items = [self.batch.items.create(
            subject_kind=kind, person=person, organization=unit, award_type=gk,
            achievement="Hoàn thành xuất sắc nhiệm vụ năm 2025", verdict=Verdict.ELIGIBLE,
            council_result=CouncilResult.PASSED)
            for kind, person, unit in ((SubjectKind.INDIVIDUAL, network.hue_person, None),
                                       (SubjectKind.INDIVIDUAL, network.hue_person2, None),
                                       (SubjectKind.COLLECTIVE, None, network.hue_coop))]

    def decision(self, issue=True):
        decision = workflow.create_decision(self.signer, self.batch, self.items,
                                            "Về việc tặng Giấy khen năm 2025",
                                            signer_name="Hồ Thị Điệp",
                                            signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        if issue:
            workflow.issue_decision(self.signer, decision, day=date(2026, 1, 5))
            decision.refresh_from_db()
        return decision


@pytest.fixture
def commendation(network, make_user, base_salary_entered):
    return Commendation(network, make_user)


@pytest.fixture
def pki(tmp_path, settings, clock):
    return Pki(tmp_path / "ky-so", settings)
