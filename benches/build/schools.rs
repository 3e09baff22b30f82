//! A generated school: the facts its profile and its self-description
//! share, so the two agree with each other.

use super::generate::{Rng, folded};

/// The facts a school's profile and self-description share, so the two
/// agree with each other.
pub struct SchoolFacts {
    pub name: String,
    pub home: String,
    from: u32,
    to: u32,
    pupils: u32,
    capacity: u32,
    staff: u32,
    focus: [&'static str; 2],
    start: &'static str,
    /// Days a week the school nurse is at the school.
    nurse_days: u32,
}

const FOCUS_AREAS: [(&str, &str, &str); 6] = [
    (
        "Realfag",
        "Elevene forsker i naturen rundt skolen og har matematikk ute en gang i uka.",
        "Barna lærer matte og naturfag ute.",
    ),
    (
        "Friluftsliv",
        "Alle trinn har en turdag i måneden, og de eldste elevene overnatter i telt hver høst.",
        "Barna går på tur hver måned.",
    ),
    (
        "Musikk",
        "Lærere fra kulturskolen har musikk sammen med lærerne våre, og alle får låne et instrument i ett år.",
        "Barna har mye musikk. Alle kan låne et instrument i ett år.",
    ),
    (
        "Fysisk aktivitet",
        "Alle elever har en time fysisk aktivitet hver dag, i tillegg til kroppsøving.",
        "Barna er i aktivitet hver dag.",
    ),
    (
        "Lesing",
        "Vi kartlegger lesing to ganger i året og gir ekstra hjelp i små grupper til elever som trenger det.",
        "Barn som trenger det, får hjelp med lesing.",
    ),
    (
        "Språk",
        "Elevene kan velge tysk, fransk eller spansk, og skolen har samarbeid med en skole i Spania.",
        "Barna kan lære et nytt språk.",
    ),
];

impl SchoolFacts {
    pub fn new(rng: &mut Rng, name: String, home: String, (from, to): (u32, u32)) -> SchoolFacts {
        let pupils = rng.range(80, 600);
        let first = rng.below(FOCUS_AREAS.len());
        let second = (first + 1 + rng.below(FOCUS_AREAS.len() - 1)) % FOCUS_AREAS.len();
        SchoolFacts {
            name,
            home,
            from,
            to,
            pupils,
            capacity: pupils + rng.range(0, 60),
            staff: pupils / 8 + rng.range(5, 15),
            focus: [FOCUS_AREAS[first].0, FOCUS_AREAS[second].0],
            start: rng.pick(&["08.15", "08.30", "08.45"]),
            nurse_days: rng.range(2, 4),
        }
    }

    fn level(&self) -> &'static str {
        match (self.from, self.to) {
            (1, 7) => "barneskole",
            (8, _) => "ungdomsskole",
            _ => "grunnskole",
        }
    }

    fn focus_texts(&self) -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> + '_ {
        self.focus.iter().filter_map(|f| FOCUS_AREAS.iter().find(|(name, _, _)| name == f))
    }

    pub fn description(&self) -> (String, String) {
        let (name, home, level) = (&self.name, &self.home, self.level());
        (
            format!(
                "{name} er en {level} for {}. til {}. trinn. Nærskoleområdet er {home}. Skolen har {} elever og {} ansatte og legger særlig vekt på {} og {}.",
                self.from,
                self.to,
                self.pupils,
                self.staff,
                self.focus[0].to_lowercase(),
                self.focus[1].to_lowercase()
            ),
            format!(
                "{name} er en {level}. Den er for {}. til {}. klasse. Skolen har {} elever.",
                self.from, self.to, self.pupils
            ),
        )
    }

    pub fn yaml(&self) -> String {
        let mut yaml = format!(
            "school:\n  grades:\n    from: {}\n    to: {}\n  pupils: {}\n  capacity: {}\n",
            self.from, self.to, self.pupils, self.capacity
        );
        if self.from == 1 {
            yaml.push_str("  after_school_care: SFO hver skoledag fra 07.00 til 16.30. De yngste elevene har 12 timer gratis i uka.\n");
        }
        yaml.push_str(&format!("  focus_areas: [{}]\n", self.focus.join(", ")));
        yaml.push_str(&format!(
            "  transport: {}\n  transport_plain: {}\n",
            folded(&format!(
                "Elever som har {} som nærskole, får gratis skyss hvis skoleveien er lengre enn 2 kilometer på 1. trinn eller lengre enn 4 kilometer på 2. til 10. trinn. Elever som har valgt skolen fra et annet område, må selv betale reisen.",
                self.name
            ), 2),
            folded("Bor barnet langt unna, får det gratis buss. Kommer barnet fra et annet område, må dere betale bussen selv.", 2),
        ));
        yaml
    }

    /// About 250 words of Markdown, with headings, a list, emphasis and an
    /// internal link, like the example schools' egenomtaler.
    pub fn self_description(&self, rng: &mut Rng) -> String {
        let mut md = format!(
            "{} er en {} med {} elever fra {}. til {}. trinn. Skolen ligger {} i {}. Vi har {} ansatte: lærere, fagarbeidere, en helsesykepleier som er på skolen {} dager i uka, og ansatte i SFO.\n\n## Dette legger vi vekt på\n\n",
            self.name,
            self.level(),
            self.pupils,
            self.from,
            self.to,
            rng.pick(&["ved idrettsplassen", "ved skogkanten", "nede ved sjøen", "midt i sentrum"]),
            self.home,
            self.staff,
            self.nurse_days,
        );
        for (name, text, _) in self.focus_texts() {
            md.push_str(&format!("- **{name}.** {text}\n"));
        }
        md.push_str("- **Trivsel.** Vi har faste vennegrupper på tvers av trinnene, og elevrådet planlegger aktiviteter i storefri hver uke.\n\n");
        md.push_str(&format!(
            "## En vanlig skoledag\n\nSkoledagen begynner klokka {}. De yngste elevene er ferdige klokka 13.30 de fleste dager, og de eldste er ferdige klokka 14.30. Elevene spiser matpakke i klasserommet, og i storefri kan de bruke skolegården, ballbingen og gymsalen etter en fast plan.\n\n",
            self.start
        ));
        if self.from == 1 {
            md.push_str("## SFO\n\nSFO er åpen fra 07.00 til 16.30 hver skoledag og hele dager i skoleferiene, unntatt fire uker om sommeren. Elever på de laveste trinnene har 12 timer gratis SFO i uka.\n\n");
        } else {
            md.push_str("## Valgfag\n\nElevene velger mellom friluftsliv, programmering, sal og scene og produksjon for sceneteknikk. Valgfagene går over hele skoleåret, to timer i uka.\n\n");
        }
        md.push_str(&format!(
            "## Plass på skolen\n\nSkolen har plass til {} elever. Les om hvordan plassene blir fordelt, på siden [Slik velger du](/slik-velger-du/).\n\n## Besøk oss\n\nVi har åpen skole for nye elever og foreldre i januar. Du kan også ringe rektor og avtale et besøk.\n",
            self.capacity
        ));
        md
    }

    pub fn self_description_plain(&self) -> String {
        let mut md = format!(
            "{} er en {} i {}. Den er for {}. til {}. klasse. Skolen har {} elever.\n\n## Dette gjør vi mye av\n\n",
            self.name,
            self.level(),
            self.home,
            self.from,
            self.to,
            self.pupils
        );
        for (_, _, plain) in self.focus_texts() {
            md.push_str(&format!("- {plain}\n"));
        }
        md.push_str(&format!(
            "\n## En dag på skolen\n\nSkolen begynner klokka {}. Barna har med seg mat hjemmefra. En helsesykepleier er på skolen {} dager i uka.\n\n{}## Plass på skolen\n\nLes om hvordan du søker, på siden [Slik velger du](/slik-velger-du/).\n\n## Besøk oss\n\nDu kan besøke skolen i januar. Du kan også ringe rektor.\n",
            self.start,
            self.nurse_days,
            if self.from == 1 {
                "## SFO\n\nSFO er stengt fire uker om sommeren. De yngste barna får 12 timer gratis SFO i uka.\n\n"
            } else {
                "## Valgfag\n\nBarna velger et valgfag. Det har de to timer i uka.\n\n"
            },
        ));
        md
    }
}
