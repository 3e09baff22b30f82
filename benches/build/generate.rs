//! The benchmark's sites: the example copied, or a generated municipality
//! of any size with the example's services, districts and pages, providers
//! with varied facts, and schools with self-descriptions. Deterministic: the
//! same size gives the same files.

use std::fs;
use std::io;
use std::path::Path;

use super::schools::SchoolFacts;
use super::{COPIED_DIRS, COPIED_FILES, MUNICIPAL_SLUG};

/// What the generator needs from the example configuration.
struct Config {
    text: String,
    municipality: String,
    districts: Vec<(String, String)>,
    services: Vec<ServiceInfo>,
}

struct ServiceInfo {
    id: String,
    school: bool,
    /// `kind:` as written (`kindergarten`, `nursing-home`, …).
    kind: Option<String>,
    /// The ids of its quality indicators, whose values every generated
    /// provider gets in `indicators/<id>.csv`.
    indicators: Vec<String>,
}

pub fn generate_site(root: &Path, size: usize) -> io::Result<()> {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in COPIED_DIRS {
        copy_dir(&crate_root.join(dir), &root.join(dir))?;
    }
    for file in COPIED_FILES {
        fs::copy(crate_root.join(file), root.join(file))?;
    }
    let config = read_config(&crate_root.join("brukervalg.yaml"))?;
    let mut site_config = with_municipal_defaults(&config.text);
    // A service of 5,000 providers has an indicator file of about 290 KB,
    // over the default limit of 256 KiB: a city that size raises the limit
    // (up to its ceiling, 1 MiB), as this does.
    if size > 2_500 {
        site_config.push_str("limits:\n  file_max_bytes: 1048576\n");
    }
    fs::write(root.join("brukervalg.yaml"), site_config)?;

    let mut generator =
        Generator { rng: Rng(0x5eed), org_base: 81_000_000, named: 0, municipal_org: None, config: &config };
    let count = config.services.len();
    for (i, service) in config.services.iter().enumerate() {
        // Spread evenly; the first services take the remainder.
        let share = size / count + usize::from(i < size % count);
        generator.service(&root.join("providers").join(&service.id), service, share)?;
        indicator_values(root, service, &mut generator.rng)?;
    }
    Ok(())
}

/// `indicators/<service>.csv` with a value of every indicator for every
/// generated provider, from 1 to 99 (a valid percent and number alike), so
/// the generated site stays free of warnings.
fn indicator_values(root: &Path, service: &ServiceInfo, rng: &mut Rng) -> io::Result<()> {
    if service.indicators.is_empty() {
        return Ok(());
    }
    let mut slugs: Vec<String> = fs::read_dir(root.join("providers").join(&service.id))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".yaml").map(str::to_string))
        .collect();
    slugs.sort();
    let mut csv = String::from("provider,indicator,value\n");
    for slug in &slugs {
        for indicator in &service.indicators {
            csv.push_str(&format!("{slug},{indicator},{}\n", 1 + rng.below(99)));
        }
    }
    fs::create_dir_all(root.join("indicators"))?;
    fs::write(root.join("indicators").join(format!("{}.csv", service.id)), csv)
}

/// The bundled example site, with everything it is built from.
pub fn copy_example(root: &Path) -> io::Result<()> {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in COPIED_DIRS.iter().chain(&["providers", "surveys", "indicators"]) {
        copy_dir(&crate_root.join(dir), &root.join(dir))?;
    }
    for file in COPIED_FILES {
        fs::copy(crate_root.join(file), root.join(file))?;
    }
    fs::copy(crate_root.join("brukervalg.yaml"), root.join("brukervalg.yaml")).map(|_| ())
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn read_config(path: &Path) -> io::Result<Config> {
    let text = fs::read_to_string(path)?;
    let municipality = text
        .lines()
        .find_map(|l| l.strip_prefix("municipality:"))
        .map_or_else(|| "Kommunen".to_string(), |m| m.trim().to_string());
    let districts =
        listed_items(&text, "districts").into_iter().map(|item| (item.id, item.name.unwrap_or_default())).collect();
    let services = listed_items(&text, "services")
        .into_iter()
        .map(|item| ServiceInfo {
            id: item.id,
            school: item.kind.as_deref() == Some("school"),
            kind: item.kind,
            indicators: item.nested,
        })
        .collect();
    Ok(Config { text, municipality, districts, services })
}

struct ListedItem {
    id: String,
    name: Option<String>,
    kind: Option<String>,
    /// The ids of `- id:` items of a list inside it (a service's indicators).
    nested: Vec<String>,
}

/// The `- id:` items under a top-level key, with their own `name:` and
/// `kind:`. A line scan rather than a YAML parser keeps the bench free of
/// extra dependencies; the example config is regular enough for it.
fn listed_items(config: &str, key: &str) -> Vec<ListedItem> {
    let mut items: Vec<ListedItem> = Vec::new();
    let mut inside = false;
    let mut field_indent = 0;
    let mut item_indent = None;
    for line in config.lines() {
        let top_level = !line.starts_with([' ', '#']) && !line.trim().is_empty();
        if top_level {
            inside = line.trim_end() == format!("{key}:");
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if !inside {
            continue;
        }
        if let Some(id) = trimmed.strip_prefix("- id:") {
            if item_indent.is_some_and(|at| indent > at) {
                if let Some(item) = items.last_mut() {
                    item.nested.push(id.trim().to_string());
                }
                continue;
            }
            item_indent = Some(indent);
            field_indent = indent + 2;
            items.push(ListedItem { id: id.trim().to_string(), name: None, kind: None, nested: Vec::new() });
        } else if indent == field_indent
            && let Some(item) = items.last_mut()
        {
            if let Some(name) = trimmed.strip_prefix("name:") {
                item.name = Some(name.trim().to_string());
            } else if let Some(kind) = trimmed.strip_prefix("kind:") {
                item.kind = Some(kind.trim().to_string());
            }
        }
    }
    items
}

/// The example config names its own municipal provider; point every
/// `default_provider` at the generated one instead.
fn with_municipal_defaults(config: &str) -> String {
    let mut out = String::with_capacity(config.len());
    for line in config.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("default_provider:") {
            let indent = &line[..line.len() - trimmed.len()];
            out.push_str(&format!("{indent}default_provider: {MUNICIPAL_SLUG}"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// SplitMix64: deterministic, so every run generates the same sites, and
/// needs no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn range(&mut self, low: u32, high: u32) -> u32 {
        low + (self.next() % u64::from(high - low + 1)) as u32
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A date in 2026 no later than the day before `TODAY`.
fn date_2026(rng: &mut Rng) -> String {
    format!("2026-{:02}-{:02}", rng.range(1, 11), rng.range(1, 26))
}

fn phone(rng: &mut Rng) -> String {
    format!("55 {:02} {:02} {:02}", rng.range(10, 99), rng.range(0, 99), rng.range(0, 99))
}

/// Lower-case a-z, digits and hyphens, as slugs must be.
fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            'æ' => slug.push_str("ae"),
            'ø' => slug.push('o'),
            'å' => slug.push('a'),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Prose as a folded block scalar (`key: >`) for a key indented by
/// `indent` spaces.
pub fn folded(text: &str, indent: usize) -> String {
    format!(">\n{:width$}{text}", "", width = indent + 2)
}

struct Generator<'a> {
    rng: Rng,
    /// The next 8-digit base for an organisation number; every provider
    /// takes its own, so numbers never repeat.
    org_base: u32,
    /// Numbers names across the site: one firm's name in two services
    /// with two organisation numbers would be a lookalike (an error).
    named: usize,
    /// The municipality's own organisation number: its home care is one
    /// provider in every home-care service.
    municipal_org: Option<String>,
    config: &'a Config,
}

impl Generator<'_> {
    fn service(&mut self, dir: &Path, service: &ServiceInfo, count: usize) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        for index in 0..count {
            if service.school {
                self.school(dir, index)?;
            } else {
                let slug = self.home_care(dir, index)?;
                // A kindergarten or nursing home is a profile with its kind's
                // block of facts.
                let block = match service.kind.as_deref() {
                    Some("kindergarten") => Some(self.kindergarten_block()),
                    Some("nursing-home") => Some(self.nursing_home_block()),
                    _ => None,
                };
                if let Some(block) = block {
                    let file = dir.join(format!("{slug}.yaml"));
                    let mut yaml = fs::read_to_string(&file)?;
                    yaml.push_str(&block);
                    fs::write(file, yaml)?;
                }
            }
        }
        Ok(())
    }

    /// Nine digits whose last is the mod-11 check digit; bases without a
    /// valid check digit (remainder 10) are skipped.
    fn org_number(&mut self) -> String {
        const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
        loop {
            let base = self.org_base;
            self.org_base += 1;
            let digits = format!("{base:08}");
            let sum: u32 = digits.bytes().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
            let check = match 11 - sum % 11 {
                11 => 0,
                10 => continue,
                d => d,
            };
            return format!("{} {} {}{check}", &digits[0..3], &digits[3..6], &digits[6..8]);
        }
    }

    fn ownership(&mut self) -> Ownership {
        match self.rng.below(20) {
            0 => Ownership::Municipal,
            1..=6 => Ownership::NonProfit,
            _ => Ownership::Private,
        }
    }

    /// A non-empty subset of the configured districts, in config order.
    fn districts(&mut self, at_most: usize) -> Vec<String> {
        let all = &self.config.districts;
        let wanted = 1 + self.rng.below(at_most.min(all.len()));
        let start = self.rng.below(all.len());
        let mut chosen: Vec<usize> = (0..wanted).map(|k| (start + k * 2) % all.len()).collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen.into_iter().map(|i| all[i].0.clone()).collect()
    }

    fn district_name(&self, id: &str) -> String {
        self.config.districts.iter().find(|(d, _)| d == id).map_or_else(|| id.to_string(), |(_, n)| n.clone())
    }

    fn languages(&mut self) -> String {
        const OTHERS: [&str; 15] =
            ["en", "pl", "lt", "so", "ar", "ti", "fa", "ur", "uk", "ru", "es", "de", "sv", "tr", "vi"];
        let mut codes = vec!["nb"];
        for _ in 0..self.rng.below(5) {
            let code = self.rng.pick(&OTHERS);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes.join(", ")
    }

    fn capacity(&mut self) -> String {
        let status = self.rng.pick(&["open", "open", "waiting-list", "full"]);
        format!("capacity:\n  status: {status}\n  as_of: {}\n", date_2026(&mut self.rng))
    }

    fn home_care_name(&mut self, ownership: Ownership) -> String {
        const FIRST: [&str; 12] = [
            "Trygg",
            "Nordlys",
            "Vestkyst",
            "Aktiv",
            "Livskraft",
            "Fjordlys",
            "Kystlinje",
            "Solstrand",
            "Lyngheim",
            "Bjørkely",
            "Havblikk",
            "Varde",
        ];
        const SECOND: [&str; 7] =
            ["Omsorg", "Hjemmetjenester", "Helse", "Hjemmehjelp", "Hverdag", "Assistanse", "Pleie"];
        let (first, second) = (self.rng.pick(&FIRST), self.rng.pick(&SECOND));
        // The number keeps names, and so slugs, unique across the site.
        self.named += 1;
        let index = self.named;
        match ownership {
            Ownership::Municipal => format!("{}, {} {index}", self.config.municipality, second.to_lowercase()),
            Ownership::NonProfit => format!("Stiftelsen {first} {second} {index}"),
            Ownership::Private => format!("{first} {second} {index} AS"),
        }
    }

    /// The first provider of a home-care service is the municipal one that
    /// `default_provider` names; it serves every district.
    fn kindergarten_block(&mut self) -> String {
        const AGES: [&str; 3] = ["1–5", "1–3", "3–5"];
        const PROFILES: [&str; 3] = ["Natur og friluftsliv", "Språk og lek", "Kunst og kultur"];
        format!(
            "kindergarten:\n  ages: \"{}\"\n  places: {}\n  opening_hours: \"07.{}0–17.00\"\n  profile: {}\n  profile_plain: Barna leker og lærer hver dag.\n",
            self.rng.pick(&AGES),
            self.rng.range(20, 120),
            self.rng.range(0, 3),
            self.rng.pick(&PROFILES)
        )
    }

    fn nursing_home_block(&mut self) -> String {
        const UNITS: [(&str, &str); 3] =
            [("Solsiden", "long-term"), ("Fjellstua", "dementia"), ("Havgløtt", "short-term")];
        let places = self.rng.range(20, 90);
        let (unit, kind) = self.rng.pick(&UNITS);
        format!(
            "nursing_home:\n  places: {places}\n  single_rooms: {}\n  units:\n    - name: {unit}\n      kind: {kind}\n  visiting: Pårørende kan komme på besøk hele dagen.\n  activities: Trim, sang og turer i nærområdet.\n  activities_plain: Du kan trene, synge og gå på tur.\n",
            places - self.rng.range(0, 10)
        )
    }

    fn home_care(&mut self, dir: &Path, index: usize) -> io::Result<String> {
        let (name, slug, ownership, districts) = if index == 0 {
            let all = self.config.districts.iter().map(|(id, _)| id.clone()).collect();
            (
                format!("{}, hjemmetjenesten", self.config.municipality),
                MUNICIPAL_SLUG.to_string(),
                Ownership::Municipal,
                all,
            )
        } else {
            let ownership = self.ownership();
            let name = self.home_care_name(ownership);
            let slug = slugify(&name);
            (name, slug, ownership, self.districts(4))
        };
        let home = self.district_name(&districts[0]);
        let extras = self.extras();
        let (description, description_plain) = self.home_care_description(&name, ownership, &home, !extras.is_empty());
        let mut yaml = self.common(&name, &slug, ownership, &districts, &home, index);
        yaml.push_str(&format!(
            "description: {}\ndescription_plain: {}\n",
            folded(&description, 0),
            folded(&description_plain, 0)
        ));
        yaml.push_str(&self.extras_yaml(&extras));
        if self.rng.chance(80) {
            yaml.push_str(&format!("continuity:\n  staff_per_month: {}\n", self.rng.range(1, 9)));
            if self.rng.chance(30) {
                yaml.push_str("  note: Ved ferie og sykdom kan det komme andre ansatte enn de faste.\n");
            }
        }
        yaml.push_str(&format!("last_checked: {}\n", date_2026(&mut self.rng)));
        fs::write(dir.join(format!("{slug}.yaml")), yaml)?;
        Ok(slug)
    }

    /// The fields every profile has, up to `description`.
    fn common(
        &mut self,
        name: &str,
        slug: &str,
        ownership: Ownership,
        districts: &[String],
        home: &str,
        index: usize,
    ) -> String {
        let org_number = match &self.municipal_org {
            Some(own) if slug == MUNICIPAL_SLUG => own.clone(),
            _ => self.org_number(),
        };
        if slug == MUNICIPAL_SLUG {
            self.municipal_org = Some(org_number.clone());
        }
        let mut yaml = format!(
            "name: {name}\norg_number: \"{}\"\nownership: {}\ndistricts: [{}]\n",
            org_number,
            ownership.as_str(),
            districts.join(", ")
        );
        yaml.push_str("contact:\n");
        if ownership == Ownership::Municipal {
            yaml.push_str(&format!("  name: {name}\n"));
        }
        yaml.push_str(&format!(
            "  phone: \"{}\"\n  email: post@{slug}.no\n  web: https://www.{slug}.no/\n  address: {} {}, 59{:02} {home}\n  opening_hours: {}\n",
            phone(&mut self.rng),
            self.rng.pick(&["Strandgata", "Kirkegata", "Industrivegen", "Åsvegen", "Torget", "Skolebakken", "Fjordvegen"]),
            1 + index % 90,
            self.rng.range(0, 30),
            self.rng.pick(&["Mandag–fredag 08.00–15.30", "Alle dager 07.00–23.00", "Mandag–lørdag 07.30–20.00"]),
        ));
        yaml.push_str(&format!("languages: [{}]\n", self.languages()));
        yaml.push_str(&self.capacity());
        yaml.push_str(&self.admission(ownership));
        yaml
    }

    fn admission(&mut self, ownership: Ownership) -> String {
        if ownership == Ownership::Municipal {
            return String::new();
        }
        let from = format!("{}-{:02}-01", self.rng.range(2024, 2025), self.rng.range(1, 12));
        if self.rng.chance(50) {
            format!("admission:\n  kind: framework-agreement\n  from: {from}\n  until: 2028-12-31\n")
        } else {
            format!("admission:\n  kind: approval\n  from: {from}\n")
        }
    }

    fn home_care_description(
        &mut self,
        name: &str,
        ownership: Ownership,
        home: &str,
        sells_extras: bool,
    ) -> (String, String) {
        let staff = self.rng.range(5, 90);
        let (who, who_plain) = match ownership {
            Ownership::Municipal => (
                format!("{name} er kommunens egen tjeneste med {staff} ansatte."),
                "Dette er kommunens egen tjeneste.".to_string(),
            ),
            Ownership::NonProfit => (
                format!(
                    "{name} er en ideell stiftelse med {staff} ansatte og kontor i {home}. Stiftelsen har ikke eiere som tar ut utbytte, og overskudd går tilbake til driften."
                ),
                format!("Dette er en stiftelse i {home} som ikke skal tjene penger."),
            ),
            Ownership::Private => (
                format!(
                    "{name} er et privat aksjeselskap med {staff} ansatte og kontor i {home}. Selskapet er eid av {}.",
                    self.rng.pick(&["de ansatte", "daglig leder", "en familie i kommunen", "et norsk helsekonsern"])
                ),
                format!("Dette er en privat leverandør i {home}."),
            ),
        };
        let hours = self.rng.below(3);
        let hours_text = [
            "Hjelpen gis mandag til fredag mellom 08.00 og 15.30.",
            "Hjelpen gis alle dager mellom 07.00 og 23.00. Om natten gir kommunen hjelpen.",
            "Hjelpen gis mandag til lørdag mellom 07.30 og 20.00, slik at du også kan få hjelp etter arbeidstid.",
        ][hours];
        let hours_plain = [
            "Vi kommer på hverdager.",
            "Vi kommer alle dager, fra morgen til kveld. Om natten kommer kommunen.",
            "Vi kan komme tidlig eller sent på dagen, også på lørdager.",
        ][hours];
        let steady = self.rng.below(3);
        let steady_text = [
            "Hver bruker har de samme to eller tre ansatte så langt det er mulig.",
            "De ansatte jobber i turnus, og derfor kan det komme flere ulike personer i løpet av en måned.",
            "Hver ansatt har mellom fem og åtte faste brukere.",
        ][steady];
        let steady_plain = [
            "Du får de samme personene hjem til deg.",
            "Det kan komme mange ulike personer i løpet av en måned.",
            "Du får faste personer hjem til deg.",
        ][steady];
        let (extras_text, extras_plain) = if sells_extras {
            (
                "Vi selger tilleggstjenester. De er ikke en del av vedtaket, og du velger selv om du vil kjøpe dem.",
                "Vi selger også ekstra hjelp. Den betaler du selv.",
            )
        } else {
            ("Vi selger ikke tilleggstjenester.", "Vi selger ikke ekstra hjelp.")
        };
        (
            format!("{who} {hours_text} {steady_text} {extras_text}"),
            format!("{who_plain} {hours_plain} {steady_plain} {extras_plain}"),
        )
    }

    fn extras(&mut self) -> Vec<(&'static str, &'static str, u32, &'static str)> {
        const EXTRAS: [(&str, &str, u32, &str); 6] = [
            ("Vindusvask", "Vaske vinduer", 420, "per gang"),
            ("Snømåking", "Måke snø", 350, "per gang"),
            ("Følge på tur", "Gå tur med deg", 380, "per time"),
            ("Hagearbeid", "Hjelp i hagen", 490, "per time"),
            ("Fotpleie", "Stell av føttene", 550, "per gang"),
            ("Storrengjøring", "Stor vask av hele huset", 495, "per time"),
        ];
        let count = self.rng.below(3);
        let first = self.rng.below(EXTRAS.len());
        (0..count).map(|k| EXTRAS[(first + k) % EXTRAS.len()]).collect()
    }

    fn extras_yaml(&mut self, extras: &[(&str, &str, u32, &str)]) -> String {
        if extras.is_empty() {
            return String::new();
        }
        let mut yaml = "extras:\n".to_string();
        for (name, plain, price, unit) in extras {
            let price = price + self.rng.range(0, 8) * 10;
            yaml.push_str(&format!(
                "  - name: {name}\n    name_plain: {plain}\n    price: {price}\n    unit: {unit}\n"
            ));
        }
        yaml
    }

    fn school(&mut self, dir: &Path, index: usize) -> io::Result<()> {
        const PLACES: [&str; 10] =
            ["Solbakken", "Lia", "Haugen", "Vika", "Bakken", "Nesset", "Moen", "Åsheim", "Fjellsiden", "Strand"];
        let grades = self.rng.pick(&[(1, 7), (1, 7), (8, 10), (1, 10)]);
        let kind = match grades {
            (8, _) => "ungdomsskole",
            _ => "skole",
        };
        let name = format!("{} {kind} {index}", self.rng.pick(&PLACES));
        let slug = slugify(&name);
        let districts = self.districts(2);
        let home = self.district_name(&districts[0]);
        let school = SchoolFacts::new(&mut self.rng, name, home, grades);

        let mut yaml = self.common(&school.name, &slug, Ownership::Municipal, &districts, &school.home, index);
        let (description, description_plain) = school.description();
        yaml.push_str(&format!(
            "description: {}\ndescription_plain: {}\n",
            folded(&description, 0),
            folded(&description_plain, 0)
        ));
        yaml.push_str(&school.yaml());
        yaml.push_str(&format!("last_checked: {}\n", date_2026(&mut self.rng)));
        fs::write(dir.join(format!("{slug}.yaml")), yaml)?;
        fs::write(dir.join(format!("{slug}.md")), school.self_description(&mut self.rng))?;
        fs::write(dir.join(format!("{slug}.lettlest.md")), school.self_description_plain())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ownership {
    Municipal,
    Private,
    NonProfit,
}

impl Ownership {
    fn as_str(self) -> &'static str {
        match self {
            Ownership::Municipal => "municipal",
            Ownership::Private => "private",
            Ownership::NonProfit => "non-profit",
        }
    }
}
