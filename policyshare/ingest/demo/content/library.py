"""Brochures (with generated covers and PDFs) and videos. The video addresses are placeholders
in the form of YouTube addresses: the demo has no real recordings to point to."""

import datetime

from wagtail.documents.models import Document
from wagtail.images.models import Image

from policyshare.library.models import (
    ContentLanguage,
    PublicationIndexPage,
    PublicationPage,
    VideoIndexPage,
    VideoPage,
)
from policyshare.policies.models import PolicyPage

from ..spec import L, PageItem, Pdf, Picture, Ref, para, registered

_BROCHURES = [
    # key, English title, cover lines, colour, related policy, Korean title,
    # Korean description, English description
    ("arisu", "Seoul Tap Water Arisu", ("SEOUL", "TAP WATER", "ARISU"), "#1673b8",
     "arisu-tap-water", "서울 수돗물 아리수",
     "서울의 수돗물 아리수가 어떻게 만들어지고 관리되는지, 시민의 신뢰를 얻기 위해 무엇을 "
     "했는지 소개하는 영문 브로슈어입니다.",
     "How Seoul's tap water, Arisu, is produced and looked after, and what the city did to "
     "win its citizens' trust."),
    ("public-transportation", "Seoul Public Transportation", ("SEOUL", "PUBLIC", "TRANSPORT"),
     "#2e8540", "public-transportation", "서울의 대중교통",
     "버스와 지하철을 하나로 묶은 서울 대중교통 체계의 구성과 운영을 소개하는 영문 "
     "브로슈어입니다.",
     "How Seoul's buses and subway work together as one network, and how it is run."),
    ("policy-sharing", "Seoul's Policy Sharing Initiative", ("SEOUL", "POLICY", "SHARING"),
     "#c8102e", "policy-sharing", "서울시 정책공유 사업",
     "서울시가 해외 도시와 정책을 나누는 방법과 그동안의 협력을 소개하는 영문 브로슈어입니다.",
     "How Seoul shares its policies with cities abroad, and the cooperation so far."),
]  # fmt: skip

COVERS = [
    Picture(
        key=f"cover-{key}",
        title=f"Cover: {title_en} (2019)",
        description=f"Cover of the brochure {title_en} (2019)",
        label="2019",
        colour=colour,
        size=(420, 594),
        lines=lines,
    )
    for key, title_en, lines, colour, *_ in _BROCHURES
]

BROCHURES = [
    Pdf(
        key=f"brochure-{key}",
        title=f"{title_en} (Brochure, 2019)",
        filename=f"{key}-brochure-2019.pdf",
        cover=f"cover-{key}",
        paragraphs=(
            title_en,
            description_en,
            "This file is a stand-in generated for the policyshare demo content.",
        ),
    )
    for key, title_en, _lines, _colour, _policy, _title_ko, _ko, description_en in _BROCHURES
]

PUBLICATIONS = [
    PageItem(
        PublicationPage,
        f"{key}-brochure-2019",
        PublicationIndexPage,
        {
            "slug": f"{key}-brochure-2019",
            "title": L(f"{title_ko}(브로슈어, 2019)", f"{title_en} (Brochure, 2019)"),
            "summary": L(description_ko, description_en),
            "kind": PublicationPage.Kind.BROCHURE,
            "year": 2019,
            "document": Ref(Document, f"brochure-{key}"),
            "document_language": ContentLanguage.ENGLISH,
            "cover": Ref(Image, f"cover-{key}"),
            "description": L(para(description_ko), para(description_en)),
            "related_policies": [Ref(PolicyPage, policy)],
            "first_published_at": registered(datetime.date(2020, 5, 21)),
        },
    )
    for key, title_en, _lines, _colour, policy, title_ko, description_ko, description_en in (
        _BROCHURES
    )
]


def video(key, youtube_id, recorded_on, title, summary, description, policy, **fields):
    return PageItem(
        VideoPage,
        key,
        VideoIndexPage,
        {
            "slug": key,
            "title": title,
            "summary": summary,
            "video_url": f"https://www.youtube.com/watch?v={youtube_id}",
            "recorded_on": recorded_on,
            "description": description,
            "related_policies": [Ref(PolicyPage, policy)],
            **fields,
        },
    )


VIDEOS = [
    video(
        "park-won-soon-jared-diamond",
        "cacDiamond1",
        datetime.date(2020, 6, 4),
        L(
            "박원순 시장과 재레드 다이아몬드의 대담",
            "Mayor Park Won-soon in Conversation with Jared Diamond",
        ),
        L(
            "CAC 글로벌 서밋 2020에서 가장 많이 본 영상으로, 위기 이후의 도시와 문명을 두고 "
            "90분 동안 나눈 대화입니다.",
            "The most watched session of the CAC Global Summit 2020: ninety minutes on cities "
            "and civilisation after the crisis.",
        ),
        L(
            para(
                "2020년 6월 4일, 박원순 서울시장과 『총, 균, 쇠』의 저자 재레드 다이아몬드 "
                "교수가 코로나19 이후 인류와 도시가 나아갈 방향을 이야기했습니다. 이 영상은 "
                "105만 회 넘게 조회되었습니다."
            ),
            para(
                "On 4 June 2020 the Mayor of Seoul and the author of Guns, Germs, and Steel "
                "discussed where humanity and its cities should go after COVID-19. The "
                "recording has been viewed more than 1.05 million times."
            ),
        ),
        "online-international-conference",
        duration_minutes=90,
        spoken_language=ContentLanguage.BOTH,
    ),
    video(
        "cac-summit-closing-discussion",
        "cacClosing5",
        datetime.date(2020, 6, 5),
        L("CAC 글로벌 서밋 2020 종합 토론", "CAC Global Summit 2020: Closing Discussion"),
        L(
            "서밋 마지막 날, 박원순 시장이 포스트 코로나 시대 도시의 비전을 발표했습니다.",
            "On the summit's last day, Mayor Park presented his vision for cities in the "
            "post-coronavirus era.",
        ),
        L(
            para("닷새 동안의 논의를 정리하고 위기 이후 서울이 가려는 길을 제시한 자리입니다."),
            para(
                "The discussion drew together five days of debate and set out the course "
                "Seoul means to take after the crisis."
            ),
        ),
        "online-international-conference",
        spoken_language=ContentLanguage.KOREAN,
    ),
    video(
        "citynet-interview-covid19",
        "cityNetSeo1",
        datetime.date(2020, 6, 1),
        L(
            "시티넷 인터뷰: 서울시의 코로나19 대응",
            "CityNet Interview: Seoul's Response to COVID-19",
        ),
        L(
            "시티넷 사무국이 서울시 간부들에게 코로나19 대응 방법을 묻고, 회원 도시들과 "
            "그 경험을 나누었습니다.",
            "The CityNet Secretariat asked Seoul's senior officials how the city fought "
            "COVID-19, and shared their answers with its member cities.",
        ),
        L(
            para(
                "임근형 시티넷 사무국 대표가 조인동 서울시 기획조정실장과 나백주 시민건강국장을 "
                "인터뷰했습니다. 박원순 시장이 연대의 메시지를 보냈고, 비제이 자가나단 "
                "시티넷 사무총장이 시작과 마무리 인사를 했습니다."
            ),
            para(
                "Yim Geun-hyeong, CEO of the CityNet Secretariat, interviewed Cho In-dong, "
                "Seoul's deputy mayor for planning and coordination, and Na Baeg-ju, "
                "director-general of the Civil Health Bureau. Mayor Park Won-soon sent a "
                "message of solidarity, and CityNet Secretary General Dr Vijay Jagannathan "
                "opened and closed the interview."
            ),
        ),
        "policy-sharing",
        spoken_language=ContentLanguage.BOTH,
    ),
]
