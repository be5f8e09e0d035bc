package io.newswatch.tagging.entity;

import io.newswatch.tagging.text.FoldedWords;

import java.util.Arrays;
import java.util.Set;

/** Word lists (folded) that the tagger's rules rely on: titles, speech verbs, name particles, capitalised non-names. */
public final class Cues {

    private Cues() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** Words of another language, folded as a text of that language folds them. */
    private static Set<String> words(String language, String words) {
        Set<String> folded = new java.util.HashSet<>();
        for (String word : words.split(" ")) {
            folded.add(io.newswatch.folding.TextFolding.fold(word, language));
        }
        return folded;
    }

    @SafeVarargs
    private static Set<String> union(Set<String> english, Set<String>... others) {
        Set<String> all = new java.util.HashSet<>(english);
        for (Set<String> other : others) {
            all.addAll(other);
        }
        return Set.copyOf(all);
    }

    /** Words that introduce a person's name: "President X", "spokesman X Y", "Gen. X". */
    public static final Set<String> TITLES = union(words("president", "minister", "spokesman", "spokeswoman", "spokesperson",
            "ambassador", "gen", "general", "senator", "sen", "rep", "representative", "secretary", "chancellor", "mr",
            "mrs", "ms", "dr", "governor", "gov", "mayor", "judge", "justice", "king", "queen", "prince", "princess",
            "pope", "sheikh", "emir", "colonel", "col", "admiral", "adm", "commander", "cmdr", "chief", "leader",
            "director", "ceo", "chairman", "chairwoman", "chair", "chairperson", "envoy", "lawmaker", "deputy",
            "premier", "professor", "prof", "analyst", "official", "negotiator", "lieutenant", "lt", "sergeant", "sgt",
            "captain", "capt", "major", "maj", "marshal", "patriarch", "archbishop", "bishop", "cardinal", "rabbi",
            "imam", "ayatollah", "activist", "journalist", "reporter", "correspondent", "candidate", "economist",
            "researcher", "lawyer", "attorney", "prosecutor", "founder", "executive", "mp", "mep", "adviser",
            "advisor", "aide", "speaker", "commissioner", "diplomat", "counsel", "sir", "lord", "dame", "baroness",
            "coach", "striker", "defender", "midfielder", "goalkeeper", "manager", "author", "historian", "scientist",
            "expert", "economist", "cleric", "commentator", "blogger", "opponent", "rival", "successor", "predecessor",
            "dissident", "businessman", "businesswoman", "billionaire", "tycoon", "oligarch", "mufti", "state", "affairs",
            "defence", "defense", "interior", "finance", "economy", "staff", "chancellor", "actress", "actor", "sheriff",
            "singer", "rapper", "star", "player", "chef", "designer", "artist", "novelist", "poet", "comedian", "host",
            "presenter", "anchor", "filmmaker", "entrepreneur", "investor", "officer", "detective", "constable", "pilot",
            "militant", "fighter", "insurgent", "jihadist", "warlord", "brigadier", "brig", "mullah", "emir", "sultan",
            "ceo", "cfo", "chairman", "vice", "dep"),
            words("de", "Präsident Präsidentin Minister Ministerin Kanzler Kanzlerin Bundeskanzler Außenminister "
                    + "Außenministerin Verteidigungsminister Innenminister Ministerpräsident Regierungschef Sprecher "
                    + "Sprecherin Botschafter Botschafterin General Generalsekretär Chef Chefin Abgeordnete "
                    + "Abgeordneter Bürgermeister Staatschef Premierminister Kremlchef Oppositionsführer Herr Frau "
                    + "Geschäftsführer Geschäftsführerin Vorsitzende Vorsitzender Landrat Anwalt Anwältin Experte "
                    + "Expertin Staatssekretär Staatssekretärin Oberbürgermeister Bürgermeisterin Trainer Trainerin "
                    + "Torhüter Torhüterin Kapitän Kapitänin Stürmer Richter Richterin Staatsanwalt Staatsanwältin "
                    + "Professor Professorin Politiker Politikerin Leiter Leiterin Kommandeur Oberst Bischof Autor "
                    + "Autorin Regisseur Regisseurin Sänger Sängerin Schauspieler Schauspielerin Unternehmer "
                    + "Unternehmerin Kandidat Kandidatin Kämmerer Kämmerin "
                    + "Journalist Journalistin Korrespondent Korrespondentin Historiker Historikerin Ökonom Ökonomin "
                    + "Schriftsteller Schriftstellerin Musiker Musikerin Künstler Künstlerin Fotograf Fotografin "
                    + "Ingenieur Ingenieurin Forscher Forscherin Wissenschaftler Wissenschaftlerin Soziologe "
                    + "Soziologin Politologe Politologin Moderator Moderatorin Manager Managerin Gründer Gründerin "
                    + "Investor Investorin Aktivist Aktivistin Verteidiger Verteidigerin Angeklagte Angeklagter "
                    + "Landwirt Landwirtin Winzer Winzerin Gastwirt Gastwirtin Inhaber Inhaberin Rentner Rentnerin "
                    + "Polizist Polizistin Arzt Ärztin Pastor Pastorin Kardinal Dekan Dekanin Rektor Rektorin "
                    + "Leutnant Oberleutnant Hauptmann Feldwebel Admiral Kommandant Gouverneur Senator Senatorin "
                    + "Landeshauptmann Landeshauptfrau Freiherr Doktor Notar"),
            words("fr", "président présidente ministre porte-parole ambassadeur ambassadrice général secrétaire "
                    + "chef premier maire député députée dirigeant opposant M Mme directeur directrice avocat avocate "
                    + "préfet sénateur sénatrice patron patronne PDG syndicaliste préfète entraîneur entraîneuse "
                    + "sélectionneur capitaine attaquant gardien juge procureur procureure commissaire colonel "
                    + "adjoint adjointe conseiller conseillère chercheur chercheuse professeur professeure écrivain "
                    + "écrivaine chanteur chanteuse acteur actrice réalisateur réalisatrice évêque gouverneur "
                    + "fondateur fondatrice candidat candidate délégué déléguée journaliste économiste historien "
                    + "historienne politologue militant militante opposante médecin docteur abbé curé chanoine "
                    + "rabbin monseigneur mgr maréchal lieutenant commandant sergent caporal amiral vicomte duchesse "
                    + "comtesse marquise baronne roi reine princesse empereur impératrice pape sieur veuve notaire "
                    + "ingénieur architecte peintre sculpteur compositeur romancier romancière poète aviateur "
                    + "explorateur recteur rectrice proviseur instituteur "
                    + "institutrice inspecteur inspectrice bâtonnier gendarme questeur ténor cinéaste metteur "
                    + "éditeur éditrice sociologue philosophe agriculteur agricultrice viticulteur viticultrice "
                    + "éleveur éleveuse commerçant commerçante artisan restaurateur pêcheur ouvrier "
                    + "ouvrière infirmier infirmière retraité retraitée habitante riverain riveraine"),
            words("ru", "президент министр глава премьер премьер-министр спикер пресс-секретарь представитель посол "
                    + "генерал генсек лидер председатель губернатор мэр депутат главы министра президента адвокат "
                    + "адвоката директор директора эксперт аналитик политолог губернатора посла депутата мэра "
                    + "советник помощник руководитель представителя председателя прокурор судья сенатор "
                    + "вице-премьер замминистра командующий гендиректор майор полковник подполковник капитан "
                    + "лейтенант сержант прапорщик адмирал маршал атаман следователь профессор академик ректор "
                    + "врач главврач журналист журналистка корреспондент писатель писательница режиссер режиссёр "
                    + "актер актёр актриса певец певица тренер нападающий вратарь полузащитник бизнесмен "
                    + "предприниматель миллиардер олигарх блогер блогерша оппозиционер политик дипломат митрополит "
                    + "патриарх епископ архиепископ священник протоиерей "
                    + "госсекретарь канцлер омбудсмен уполномоченный замглавы управляющий председательница "
                    + "экономист социолог историк юрист адвокатесса"),
            words("uk", "президент міністр глава прем'єр речник посол генерал лідер голова губернатор мер депутат "
                    + "директор директорка міністра голови речниця адвокат експерт посла депутатка мер майор "
                    + "полковник підполковник капітан лейтенант сержант адмірал слідчий професор "
                    + "академік ректор лікар журналіст журналістка кореспондент письменник письменниця режисер "
                    + "актор акторка співак співачка тренер підприємець бізнесмен олігарх блогер політик дипломат "
                    + "митрополит єпископ священник омбудсман уповноважений економіст історик юрист "
                    + "аналітик політолог прокурор суддя"),
            words("sr", "predsednik predsjednik predsednica predsjednica ministar ministarka premijer premijerka "
                    + "portparol ambasador general lider šef gradonačelnik poslanik potpredsjednik potpredsednik "
                    + "glasnogovornik veleposlanik predsjednika predsednika ministra premijera direktor direktorka "
                    + "direktora predsjedavajući predsjedavajuća predsedavajući advokat sudija tužilac savjetnik "
                    + "savetnik gradonačelnica poslanica šefica ambasadorka ministarke ministrica "
                    + "pukovnik potpukovnik kapetan poručnik admiral komandant zapovjednik profesor profesorka "
                    + "profesorica doktor doktorka sutkinja tužiteljka tužilja episkop mitropolit patrijarh vladika "
                    + "trener selektor napadač golman novinar novinarka pisac spisateljica reditelj rediteljka "
                    + "redatelj glumac glumica pjevač pjevačica pevač pevačica biznismen vlasnik vlasnica odbornik "
                    + "odbornica vijećnik vijećnica funkcioner funkcionerka opozicionar aktivista aktivistkinja "
                    + "ekonomista analitičar analitičarka stručnjak advokatica advokatkinja odvjetnik odvjetnica "
                    + "zastupnik zastupnica načelnik načelnica župan županica kancelar kancelarka premijerka "
                    + "glasnogovornica portparolka direktorica rektor dekan guverner guvernerka senator poverenik "
                    + "povjerenik povjerenica ombudsman sindikalista potpredsjednica potpredsednica"));

    /** Verbs of saying: "X Y said", "said X Y". */
    public static final Set<String> SPEECH_VERBS = union(words("said", "says", "told", "added", "stated", "warned", "wrote",
            "tweeted", "noted", "argued", "explained", "insisted", "claimed", "announced", "stressed", "replied",
            "asked", "confirmed", "denied", "declared", "urged", "acknowledged", "admitted", "recalled", "commented",
            "posted", "continued", "concluded", "suggested", "emphasised", "emphasized", "underlined", "remarked",
            "responded", "countered", "cautioned", "predicted", "vowed", "pledged", "promised", "threatened", "saying",
            "adding", "telling", "stating", "warning", "noting", "insisting", "arguing", "tells", "adds", "writes"),
            words("de", "sagte sagt sagten erklärte erklärt betonte betont warnte sprach schrieb meinte kritisierte "
                    + "forderte bestätigte teilte ergänzte berichtete antwortete entgegnete versicherte räumte"),
            words("fr", "déclaré dit affirmé ajouté estimé indiqué souligné expliqué annoncé "
                    + "assuré déclare affirme estime indiqué précisé confié reconnu répondu rappelé martelé "
                    + "dénoncé insisté confirmé jugé raconté témoigné réagi averti prévenu regretté"),
            words("ru", "заявил заявила заявили сказал сказала сообщил сообщила отметил отметила подчеркнул "
                    + "подчеркнула добавил добавила пояснил пояснила считает говорит заявляет написал уточнил уточнила "
                    + "рассказал рассказала напомнил напомнила признал признала предупредил предупредила пообещал "
                    + "пообещала ответил ответила призвал призвала заметил заметила объяснил объяснила утверждает "
                    + "отмечает подчеркивает подчёркивает рассказывает"),
            words("uk", "заявив заявила сказав сказала повідомив повідомила зазначив зазначила наголосив додав "
                    + "додала наголосила пояснив пояснила розповів розповіла уточнив уточнила нагадав нагадала визнав "
                    + "визнала пообіцяв пообіцяла відповів відповіла закликав закликала вважає"),
            words("sr", "rekao rekla izjavio izjavila kazao kazala naveo navela dodao dodala istakao istakla "
                    + "poručio poručila ocijenio ocenio saopštio saopćio smatra ocijenila ocenila saopštila "
                    + "kaže tvrdi tvrdio tvrdila objasnio objasnila pojasnio pojasnila naglasio naglasila upozorio "
                    + "upozorila potvrdio potvrdila odgovorio odgovorila napisao napisala najavio najavila"));

    /** Lower-case particles inside names: "Bashar al-Assad", "Ursula von der Leyen". */
    static final Set<String> PARTICLES = words("al", "el", "bin", "ibn", "abu", "de", "da", "di", "dos", "das", "do",
            "du", "van", "von", "der", "den", "del", "della", "la", "le", "ter", "ben", "zu", "y", "bint", "ould");

    /** Capitalised words that are not names (sentence starters, days, months, pronouns...). */
    static final Set<String> NOT_NAMES = union(words("the", "a", "an", "this", "that", "these", "those", "it", "its", "he",
            "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "for", "but",
            "and", "or", "if", "when", "while", "after", "before", "as", "by", "from", "with", "of", "to", "meanwhile",
            "however", "still", "also", "yet", "so", "then", "there", "here", "what", "who", "why", "how", "where",
            "which", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "north", "south", "east", "west", "western", "eastern", "northern", "southern", "central",
            "new", "today", "yesterday", "tomorrow", "but", "not", "no", "yes", "all", "some", "many", "most", "both",
            "every", "each", "one", "two", "three", "four", "five", "first", "second", "third", "last", "next",
            "another", "other", "such", "according", "under", "over", "despite", "although", "though", "because",
            "since", "until", "during", "against", "without", "about", "above", "below", "between", "into", "through",
            "among", "update", "breaking", "exclusive", "analysis", "opinion", "editorial", "live", "photo", "video",
            "read", "more", "story", "highlights", "original", "report", "reports", "news", "press", "dear", "thank",
            "thanks", "please", "let", "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will",
            "would", "can", "could", "should", "must", "might", "shall", "even", "just", "only", "now", "then", "thus",
            "hence", "instead", "again", "already", "ever", "never", "always", "often", "soon", "later", "earlier",
            "nato", "eu", "un", "us", "uk", "god", "allah", "christmas", "easter", "ramadan", "eid", "covid",
            "cold", "war", "world", "foreign", "defence", "defense", "interior", "state", "deputy", "prime", "vice",
            "former", "acting", "senior", "top", "chief", "head", "minister", "president", "secretary", "general",
            "spokesman", "spokeswoman", "ambassador", "mr", "mrs", "ms", "dr", "sir", "brigadier", "colonel",
            "lieutenant", "supreme", "allied", "european", "atlantic", "pacific", "international", "national",
            "federal", "republic", "kingdom", "union", "council", "committee", "parliament", "government", "ministry",
            "office", "party", "alliance", "summit", "army", "navy", "forces", "force", "agency", "police", "court",
            "congress", "senate", "house", "white", "black", "red", "green", "blue", "great", "grand", "royal",
            "holy", "saint", "st", "mount", "lake", "river", "sea", "ocean", "island", "islands", "gulf", "bay",
            "street", "square", "avenue", "road", "bridge", "university", "college", "school", "hospital", "airport",
            "station", "center", "centre", "museum", "church", "mosque", "temple", "palace", "tower", "hall"),
            words("de", "der die das den dem des ein eine einer einem eines im am vom zum zur und oder aber auch "
                    + "nach bei mit für von auf aus wie als wenn dass nicht noch schon sein seine ihre es er sie wir "
                    + "ich man dies diese dieser dieses nun doch denn so wo wer was am zudem laut bereits damit"),
            words("fr", "le la les un une des du au aux et ou mais pour par sur dans avec en il elle ils elles "
                    + "nous on ce cette ces son sa ses leur selon depuis lors après avant cela ceci celui celle ceux "
                    + "celles chacun chacune personne rien tout tous toute toutes aucun aucune ainsi aussi puis enfin "
                    + "alors donc voici voilà vous qui quoi quand comme comment pourquoi"),
            words("ru", "в на и с по для от из что как но это он она они мы во при после до также"),
            words("sr", "u na i od za sa da je se su ali kao iz prema nakon tokom to on ona oni mi kako što šta "
                    + "ko tko gdje gde kada kad tada ovo ono ova ovaj taj ipak zato takođe također međutim osim dok "
                    + "jer pa te niti sve svi neki nešto jedan jedna sada juče jučer sutra ranije kasnije već samo "
                    + "čak ovim time tako"));

    /** Last words that make a capitalised sequence an organisation, place or event rather than a person. */
    static final Set<String> NOT_PERSON_ENDINGS = words("council", "ministry", "party", "agency", "bank", "union",
            "organization", "organisation", "committee", "group", "forces", "force", "army", "navy", "government",
            "university", "institute", "company", "corp", "inc", "ltd", "news", "times", "post", "press", "review",
            "center", "centre", "foundation", "association", "fund", "office", "department", "commission",
            "parliament", "assembly", "court", "service", "police", "guard", "command", "front", "movement", "state",
            "states", "republic", "kingdom", "federation", "region", "province", "city", "street", "square", "airport",
            "station", "summit", "conference", "treaty", "agreement", "act", "day", "week", "cup", "league", "club",
            "team", "fc", "media", "network", "channel", "tv", "radio", "magazine", "journal", "herald", "tribune",
            "telegraph", "guardian", "daily", "weekly", "online", "report", "reports", "initiative", "program",
            "programme", "project", "plan", "strategy", "doctrine", "law", "bill", "deal", "pact", "accord", "war",
            "crisis", "revolution", "protests", "election", "elections", "games", "olympics", "festival", "prize",
            "award", "awards", "airlines", "airways", "motors", "systems", "technologies", "holdings", "capital",
            "partners", "brothers", "house", "palace", "hall", "building", "tower", "bridge", "river", "sea", "lake",
            "mountains", "island", "islands", "peninsula", "valley", "coast", "strait", "gulf", "bay", "ocean",
            "county", "district", "oblast", "krai", "governorate", "canton", "prefecture", "territory", "zone",
            "corridor", "base", "port", "mission", "operation", "alliance", "coalition", "bloc", "church", "mosque",
            "cathedral", "hospital", "school", "college", "academy", "museum", "library", "stadium", "arena",
            "exchange", "index", "market", "investigation", "management", "baseball", "football", "basketball", "player",
            "point", "rights", "sabha", "security", "intelligence", "justice", "health", "education", "development",
            "energy", "power", "affairs", "launchpad", "contest", "championship", "authority", "authorities", "board", "administration", "directorate", "bureau", "institution", "organisation's", "ministries", "brigade", "regiment", "battalion", "division", "corps", "fleet", "squadron", "markets", "stock", "stocks", "group's", "terminal", "twitter", "feed", "democrats", "monitor", "gmbh", "ag", "se");

    /** First words that make a capitalised sequence a place, event or body rather than a person. */
    static final Set<String> NOT_PERSON_STARTS = words("fort", "port", "cape", "camp", "league", "criminal", "human",
            "land", "champions", "super", "premier", "lok", "rajya", "lake", "mount", "mt", "saint", "st", "san",
            "santa", "los", "las", "el", "al", "la", "le", "club", "team", "operation", "project");

    /** Words before a place name that make it a place ("in Jordan", "to Chad"). */
    static final Set<String> PLACE_CUES = words("in", "to", "from", "into", "across", "within", "near", "toward",
            "towards", "visit", "visited", "visiting", "neighbouring", "neighboring", "throughout", "inside",
            "outside", "entered", "leave", "left", "reach", "reached", "via", "occupied", "invaded");

    // The lists above as FoldedWords, for the per-token checks of the finders: a token's hash and folded characters
    // answer them without making the token a string and probing a Set (several per cent of tagging in a profile).
    public static final FoldedWords TITLE_WORDS = FoldedWords.of(TITLES);
    public static final FoldedWords SPEECH_VERB_WORDS = FoldedWords.of(SPEECH_VERBS);
    static final FoldedWords PARTICLE_WORDS = FoldedWords.of(PARTICLES);
    static final FoldedWords NOT_NAME_WORDS = FoldedWords.of(NOT_NAMES);
    static final FoldedWords NOT_PERSON_ENDING_WORDS = FoldedWords.of(NOT_PERSON_ENDINGS);
    static final FoldedWords NOT_PERSON_START_WORDS = FoldedWords.of(NOT_PERSON_STARTS);
    static final FoldedWords PLACE_CUE_WORDS = FoldedWords.of(PLACE_CUES);
}
