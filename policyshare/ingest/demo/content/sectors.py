"""The eleven sectors policies are filed under; slugs are the same in both languages."""

from policyshare.policies.models import Sector

from ..spec import L, Snippet

_SECTORS = [
    ("transport", "교통", "Transport",
     "대중교통, 보행, 자전거와 친환경 교통을 다룹니다.",
     "Public transport, walking, cycling and clean mobility."),
    ("environment-energy", "환경·에너지", "Environment & energy",
     "대기질, 기후 대응, 재생에너지와 자원순환을 다룹니다.",
     "Air quality, climate action, renewable energy and recycling."),
    ("water", "물", "Water",
     "수돗물 공급, 하수 처리, 하천 관리를 다룹니다.",
     "Drinking water supply, sewage treatment and rivers."),
    ("urban-planning", "도시계획", "Urban planning",
     "토지 이용, 도시재생, 주거와 공공공간을 다룹니다.",
     "Land use, urban regeneration, housing and public space."),
    ("safety", "안전", "Safety",
     "재난 대비, 시설 안전, 생활 안전을 다룹니다.",
     "Disaster preparedness, safe infrastructure and everyday safety."),
    ("welfare", "복지", "Welfare",
     "돌봄, 소득 보장, 취약계층 지원을 다룹니다.",
     "Care, income support and help for vulnerable residents."),
    ("economy-startups", "경제·창업", "Economy & start-ups",
     "창업 지원, 일자리, 지역 경제 활성화를 다룹니다.",
     "Start-up support, jobs and the local economy."),
    ("culture-tourism", "문화·관광", "Culture & tourism",
     "문화시설, 축제, 관광 활성화를 다룹니다.",
     "Cultural venues, festivals and tourism."),
    ("smart-city", "스마트시티", "Smart city",
     "데이터와 디지털 기술로 도시 서비스를 개선하는 일을 다룹니다.",
     "Better city services through data and digital technology."),
    ("governance", "행정·거버넌스", "Governance",
     "시민 참여, 열린 행정, 도시 간 협력을 다룹니다.",
     "Citizen participation, open government and cooperation between cities."),
    ("health", "보건", "Health",
     "감염병 대응, 공공의료, 건강 증진을 다룹니다.",
     "Infectious disease response, public health care and healthy living."),
]  # fmt: skip

SECTORS = [
    Snippet(
        Sector,
        slug,
        {
            "slug": slug,
            "name": L(name_ko, name_en),
            "description": L(description_ko, description_en),
            "sort_order": position,
        },
    )
    for position, (slug, name_ko, name_en, description_ko, description_en) in enumerate(
        _SECTORS, start=1
    )
]
