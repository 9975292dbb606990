// The word lists the corpus generator draws on: English and Russian names, places,
// organisations, headline parts and body vocabulary (only corpus.cpp includes this).
#pragma once

#include <array>
#include <string_view>

namespace galley::bench::words {

using namespace std::string_view_literals;

constexpr auto first_names = std::to_array({
    "Harriet"sv, "Tomasz"sv, "Ana"sv, "Judith"sv, "Samuel"sv, "Priya"sv, "Kwame"sv, "Elena"sv,
    "Marcus"sv, "Ingrid"sv, "Daniel"sv, "Fatima"sv, "Oliver"sv, "Mei"sv, "Rafael"sv, "Niamh"sv,
    "Joseph"sv, "Aisha"sv, "Lukas"sv, "Grace"sv, "Tobias"sv, "Yusuf"sv, "Clara"sv, "Hamid"sv,
    "Rosa"sv, "Owen"sv, "Leila"sv, "Patrick"sv, "Sofia"sv, "Arjun"sv, "Margit"sv, "Benedikt"sv,
});

constexpr auto last_names = std::to_array({
    "Okafor"sv, "Wierzbicki"sv, "Petrović"sv, "Amankwah"sv, "Whitfield"sv, "Lindqvist"sv,
    "Moreau"sv, "Castillo"sv, "Brennan"sv, "Nakamura"sv, "Osei"sv, "Hartley"sv, "Ferreira"sv,
    "Kowalski"sv, "Mensah"sv, "Gallagher"sv, "Haddad"sv, "Sørensen"sv, "Adeyemi"sv, "Quinn"sv,
    "Varga"sv, "Delacroix"sv, "Patel"sv, "Thornton"sv, "Reyes"sv, "Holloway"sv, "Novak"sv,
    "Achterberg"sv, "Fitzgerald"sv, "Olawale"sv,
});

// Russian names: surnames come as masculine/feminine pairs, matched to the first name.
constexpr auto ru_male_names = std::to_array({
    "Иван"sv, "Алексей"sv, "Дмитрий"sv, "Сергей"sv, "Михаил"sv, "Николай"sv, "Андрей"sv,
    "Павел"sv, "Илья"sv, "Григорий"sv,
});
constexpr auto ru_female_names = std::to_array({
    "Мария"sv, "Анна"sv, "Елена"sv, "Ольга"sv, "Наталья"sv, "Татьяна"sv, "Ирина"sv,
    "Светлана"sv, "Ксения"sv, "Дарья"sv,
});
constexpr auto ru_male_surnames = std::to_array({
    "Кузнецов"sv, "Соколов"sv, "Попов"sv, "Лебедев"sv, "Морозов"sv, "Волков"sv, "Сорокин"sv,
    "Орлов"sv, "Смирнов"sv, "Зайцев"sv, "Белов"sv, "Егоров"sv,
});
constexpr auto ru_female_surnames = std::to_array({
    "Кузнецова"sv, "Соколова"sv, "Попова"sv, "Лебедева"sv, "Морозова"sv, "Волкова"sv,
    "Сорокина"sv, "Орлова"sv, "Смирнова"sv, "Зайцева"sv, "Белова"sv, "Егорова"sv,
});

constexpr auto places = std::to_array({
    "Harrowford"sv, "Kessly Bridge"sv, "Altmoor"sv, "Brackenfield"sv, "Dunmere"sv,
    "Eastwick Vale"sv, "Fenholt"sv, "Greyhaven"sv, "Hollins Cross"sv, "Marlow Fen"sv,
    "Northgate"sv, "Orrin Bay"sv, "Pellham"sv, "Quarry End"sv, "Redwater"sv, "Stanmoor"sv,
    "Thistlebury"sv, "Upper Wend"sv, "Westcliff"sv, "Yarrowby"sv,
});
constexpr auto ru_places = std::to_array({
    "Тверь"sv, "Казань"sv, "Вологда"sv, "Ярославль"sv, "Псков"sv, "Калуга"sv, "Кострома"sv,
    "Петрозаводск"sv, "Томск"sv, "Самара"sv,
});

constexpr auto organisations = std::to_array({
    "county council"sv, "transport authority"sv, "water board"sv, "port authority"sv,
    "school district"sv, "housing trust"sv, "health service"sv, "planning committee"sv,
    "chamber of commerce"sv, "fire service"sv, "library board"sv, "parks department"sv,
    "heritage fund"sv, "rail operator"sv, "ferry trust"sv, "tenants' association"sv,
});

constexpr auto sections = std::to_array({
    "news"sv, "local"sv, "politics"sv, "business"sv, "culture"sv, "transport"sv,
    "environment"sv, "education"sv, "health"sv, "sport"sv,
});

// Headline parts, already in title case.
constexpr auto headline_nouns = std::to_array({
    "Ferry"sv, "Library"sv, "Bridge"sv, "Market"sv, "Rail Line"sv, "School"sv, "Clinic"sv,
    "Harbour"sv, "Festival"sv, "Budget"sv, "Orchard"sv, "Mill"sv, "Theatre"sv, "Bus Route"sv,
    "Wind Farm"sv, "Archive"sv, "Museum"sv, "Stadium"sv, "Reservoir"sv, "Tram"sv,
});
constexpr auto headline_verbs = std::to_array({
    "Returns"sv, "Reopens"sv, "Closes"sv, "Expands"sv, "Wins Reprieve"sv, "Faces Cuts"sv,
    "Is Delayed Again"sv, "Gets New Owners"sv, "Loses Funding"sv, "Is Rebuilt"sv,
});
constexpr auto headline_pauses = std::to_array({
    "Pause"sv, "Closure"sv, "Dispute"sv, "Delay"sv, "Shutdown"sv, "Renovation"sv, "Strike"sv,
    "Debate"sv,
});
constexpr auto headline_adjectives = std::to_array({
    "Costly"sv, "Ambitious"sv, "Delayed"sv, "Contested"sv, "Modest"sv, "Bold"sv, "Greener"sv,
    "Cheaper"sv, "Long-Awaited"sv, "Scaled-Back"sv,
});
constexpr auto number_words = std::to_array({
    "Two"sv, "Three"sv, "Four"sv, "Five"sv, "Six"sv, "Ten"sv, "Twelve"sv,
});

constexpr auto roles = std::to_array({
    "who chairs the "sv, "a spokesperson for the "sv, "a member of the "sv,
    "who has campaigned against the "sv, "a former adviser to the "sv, "who works for the "sv,
});

// Body vocabulary: short function words and news-flavoured content words, drawn in turn.
constexpr auto function_words = std::to_array({
    "the"sv, "of"sv, "and"sv, "to"sv, "in"sv, "a"sv, "that"sv, "for"sv, "on"sv, "with"sv,
    "as"sv, "by"sv, "at"sv, "from"sv, "was"sv, "is"sv, "would"sv, "had"sv, "has"sv, "its"sv,
    "their"sv, "after"sv, "before"sv, "more"sv, "than"sv, "about"sv, "but"sv, "not"sv,
    "which"sv, "when"sv, "over"sv, "into"sv,
});
constexpr auto content_words = std::to_array({
    "council"sv, "residents"sv, "plan"sv, "budget"sv, "said"sv, "officials"sv, "week"sv,
    "year"sv, "project"sv, "money"sv, "town"sv, "river"sv, "bridge"sv, "crossing"sv,
    "volunteers"sv, "meeting"sv, "vote"sv, "report"sv, "changes"sv, "months"sv, "people"sv,
    "families"sv, "workers"sv, "funding"sv, "construction"sv, "contract"sv, "schools"sv,
    "teachers"sv, "drivers"sv, "services"sv, "district"sv, "proposal"sv, "decision"sv,
    "statement"sv, "company"sv, "market"sv, "prices"sv, "rents"sv, "housing"sv, "traffic"sv,
    "station"sv, "harbour"sv, "boat"sv, "trees"sv, "flooding"sv, "repairs"sv, "survey"sv,
    "campaign"sv, "committee"sv, "estimated"sv, "announced"sv, "approved"sv, "delayed"sv,
    "opened"sv, "closed"sv, "rebuilt"sv, "argued"sv, "warned"sv, "expected"sv, "raised"sv,
    "spent"sv, "agreed"sv, "local"sv, "new"sv, "old"sv, "public"sv, "regional"sv,
    "national"sv, "former"sv, "small"sv, "larger"sv, "early"sv, "final"sv, "second"sv,
    "quietly"sv, "finally"sv, "nearly"sv, "already"sv, "still"sv, "again"sv, "morning"sv,
    "evening"sv, "winter"sv, "summer"sv, "shops"sv, "landing"sv, "slipway"sv, "timber"sv,
    "engineers"sv, "inspectors"sv, "owners"sv, "tenants"sv, "passengers"sv, "cyclists"sv,
    "records"sv, "documents"sv, "archive"sv, "figures"sv, "data"sv, "accounts"sv,
    "grant"sv, "loan"sv, "taxes"sv, "fees"sv, "tickets"sv, "timetable"sv, "route"sv,
});

// Russian body vocabulary, the same way.
constexpr auto ru_function_words = std::to_array({
    "и"sv, "в"sv, "на"sv, "что"sv, "по"sv, "с"sv, "для"sv, "не"sv, "к"sv, "о"sv, "от"sv,
    "за"sv, "как"sv, "это"sv, "но"sv, "из"sv, "до"sv, "уже"sv, "ещё"sv, "также"sv,
});
constexpr auto ru_content_words = std::to_array({
    "город"sv, "жители"sv, "проект"sv, "бюджет"sv, "администрация"sv, "строительство"sv,
    "район"sv, "мост"sv, "школа"sv, "библиотека"sv, "решение"sv, "власти"sv, "года"sv,
    "рублей"sv, "говорит"sv, "заявил"sv, "сообщили"sv, "началось"sv, "завершится"sv,
    "ремонт"sv, "работы"sv, "участок"sv, "дорога"sv, "набережная"sv, "предприятие"sv,
    "завод"sv, "сотрудники"sv, "депутаты"sv, "области"sv, "региона"sv, "программа"sv,
    "средства"sv, "более"sv, "около"sv, "тысяч"sv, "миллионов"sv, "летом"sv, "осенью"sv,
    "весной"sv, "зимой"sv, "новый"sv, "старый"sv, "местные"sv, "городской"sv, "переправа"sv,
    "паром"sv, "волонтёры"sv, "пассажиры"sv, "собрание"sv, "отчёт"sv, "причал"sv,
    "автобусы"sv, "маршрут"sv, "музей"sv, "архив"sv, "документы"sv, "горожане"sv,
});
constexpr auto ru_headlines = std::to_array({
    "после четырёх лет ремонта открылась библиотека"sv,
    "паром через реку снова возит пассажиров"sv,
    "депутаты утвердили бюджет на следующий год"sv,
    "завод возобновил работу после долгого простоя"sv,
    "жители спорят о новом маршруте автобуса"sv,
    "волонтёры восстановили старый причал"sv,
    "музей получил архив местной газеты"sv,
    "строительство моста снова отложили"sv,
});
constexpr auto ru_roles = std::to_array({
    "глава городского совета"sv, "представитель администрации"sv, "местный предприниматель"sv,
    "руководитель волонтёров"sv, "инженер проекта"sv, "директор музея"sv,
});

}  // namespace galley::bench::words
