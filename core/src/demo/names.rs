//! Realistic names for demo clients, items and portal records.

use std::collections::HashMap;

use fastrand::Rng;

use crate::model::ResourceType;

/// Client names, with the short code their device names start with.
pub const CLIENTS: [(&str, &str); 40] = [
    ("Contoso Ltd", "CONTOSO"),
    ("Fabrikam Inc", "FAB"),
    ("Northwind Traders", "NWT"),
    ("Adventure Works Cycles", "AWC"),
    ("Tailspin Toys", "TSP"),
    ("Wide World Importers", "WWI"),
    ("Litware Inc", "LIT"),
    ("Proseware Inc", "PROSE"),
    ("Woodgrove Bank", "WGB"),
    ("Alpine Ski House", "ASH"),
    ("Blue Yonder Airlines", "BYA"),
    ("Coho Winery", "COHO"),
    ("Fourth Coffee", "4COF"),
    ("Graphic Design Institute", "GDI"),
    ("Humongous Insurance", "HUM"),
    ("Lucerne Publishing", "LUC"),
    ("Margie's Travel", "MTR"),
    ("Southridge Video", "SRV"),
    ("Trey Research", "TREY"),
    ("Wingtip Toys", "WTT"),
    ("City Power & Light", "CPL"),
    ("Consolidated Messenger", "CMS"),
    ("School of Fine Art", "SFA"),
    ("Relecloud", "RLC"),
    ("VanArsdel Ltd", "VAN"),
    ("Munson's Pickles and Preserves", "MUN"),
    ("Bellows College", "BEL"),
    ("Best For You Organics", "BFY"),
    ("Lamna Healthcare", "LAMNA"),
    ("Nod Publishers", "NOD"),
    ("Datum Corporation", "DATUM"),
    ("Baldwin Museum of Science", "BMS"),
    ("Hanson Dental Group", "HDG"),
    ("Riverside Veterinary Clinic", "RVC"),
    ("Greenfield Accounting LLP", "GFA"),
    ("Harbor Freightlines", "HFL"),
    ("Oakridge Family Law", "OFL"),
    ("Summit Property Management", "SPM"),
    ("Bayview Dental Care", "BVD"),
    ("Pinecrest Community Church", "PCC"),
];

const FIRST_NAMES: [&str; 40] = [
    "Jane", "John", "Maria", "David", "Aisha", "Wei", "Carlos", "Emma", "Liam", "Olivia", "Noah",
    "Sofia", "Lucas", "Mia", "Ethan", "Amelia", "Mateo", "Chloe", "Arjun", "Priya", "Yuki",
    "Hannah", "Omar", "Fatima", "Daniel", "Grace", "Samuel", "Zoe", "Isaac", "Leah", "Tomás",
    "Ingrid", "Kwame", "Nadia", "Patrick", "Rosa", "Victor", "Elena", "Hiro", "Chiara",
];

const LAST_NAMES: [&str; 40] = [
    "Smith",
    "Johnson",
    "Garcia",
    "Chen",
    "Okafor",
    "Müller",
    "Rossi",
    "Kowalski",
    "Nguyen",
    "Patel",
    "Brown",
    "Silva",
    "Kim",
    "Hansen",
    "O'Brien",
    "Dubois",
    "Novak",
    "Tanaka",
    "Ali",
    "Jensen",
    "Lopez",
    "Moreau",
    "Schmidt",
    "Wilson",
    "Andersen",
    "Cohen",
    "Murphy",
    "Ivanova",
    "Santos",
    "Fischer",
    "Larsen",
    "Costa",
    "Byrne",
    "Haddad",
    "Walsh",
    "Park",
    "Bianchi",
    "Mensah",
    "Lindqvist",
    "Reyes",
];

const CITIES: [&str; 20] = [
    "Seattle",
    "Denver",
    "Austin",
    "Chicago",
    "Boston",
    "Atlanta",
    "Portland",
    "Phoenix",
    "Dublin",
    "Leeds",
    "Manchester",
    "Toronto",
    "Vancouver",
    "Sydney",
    "Auckland",
    "Berlin",
    "Lyon",
    "Madrid",
    "Oslo",
    "Calgary",
];

const ROLES: [(&str, u32); 13] = [
    ("WS", 30),
    ("LT", 25),
    ("DC", 2),
    ("FS", 2),
    ("SQL", 1),
    ("HV", 2),
    ("RDS", 1),
    ("FW", 2),
    ("SW", 4),
    ("AP", 5),
    ("NAS", 1),
    ("PRN", 4),
    ("UPS", 1),
];

const MODELS: [&str; 16] = [
    "Dell Latitude 5440",
    "Dell OptiPlex 7010",
    "HP EliteBook 840 G10",
    "HP ProDesk 600 G6",
    "Lenovo ThinkPad T14",
    "Lenovo ThinkCentre M70q",
    "Microsoft Surface Pro 9",
    "Apple MacBook Air M2",
    "Dell PowerEdge R650",
    "HPE ProLiant DL380",
    "Cisco Meraki MX68",
    "Ubiquiti UniFi U6 Pro",
    "Synology DS923+",
    "HP LaserJet Pro M404",
    "APC Smart-UPS 1500",
    "Fortinet FortiGate 60F",
];

const AGREEMENTS: [&str; 10] = [
    "Managed Services – Gold",
    "Managed Services – Silver",
    "Backup & Disaster Recovery",
    "Microsoft 365 Support",
    "Block Hours – 20h",
    "Security Awareness Training",
    "VoIP Support",
    "Hardware Warranty Extension",
    "Server Migration Project",
    "After-hours Support",
];

/// Draws item names that look like a real MSP's, unique per client where it matters.
#[derive(Default)]
pub struct Namer {
    seen: HashMap<String, u32>,
}

impl Namer {
    /// A fresh name for an item of `resource_type` at the client named `client` with `code`.
    pub fn item(
        &mut self,
        rng: &mut Rng,
        resource_type: ResourceType,
        client: &str,
        code: &str,
    ) -> String {
        let base = match resource_type {
            ResourceType::Organization => client.to_owned(),
            ResourceType::Location => match rng.u8(..4) {
                0 => format!("{} Office", pick(rng, &CITIES)),
                1 => format!("{} Warehouse", pick(rng, &CITIES)),
                2 => format!("{} Branch", pick(rng, &CITIES)),
                _ => format!("Data Center – {}", pick(rng, &CITIES)),
            },
            ResourceType::Contact => {
                format!("{} {}", pick(rng, &FIRST_NAMES), pick(rng, &LAST_NAMES))
            }
            ResourceType::Configuration | ResourceType::Device => {
                let role = weighted_role(rng);
                let key = format!("{code}-{role}");
                let n = self.seen.entry(key.clone()).or_default();
                *n += 1;
                return format!("{key}{:02}", *n);
            }
            ResourceType::Asset => format!("{} ({})", pick(rng, &MODELS), serial(rng)),
            ResourceType::Agreement => pick(rng, &AGREEMENTS).to_owned(),
        };
        let n = self.seen.entry(base.clone()).or_default();
        *n += 1;
        match *n {
            1 => base,
            n => format!("{base} ({n})"),
        }
    }
}

/// A portal record name close to (but not the same as) an item's name, as a technician or
/// another tool would have typed it.
pub fn near(rng: &mut Rng, resource_type: ResourceType, name: &str, code: &str) -> String {
    match resource_type {
        ResourceType::Organization => match name.strip_suffix(" Ltd") {
            Some(stem) => format!("{stem} Limited"),
            None => name.to_uppercase(),
        },
        ResourceType::Contact => match name.rsplit_once(' ') {
            Some((first, last)) if rng.bool() => format!("{last}, {first}"),
            Some((first, last)) => format!("{first} {}. {last}", pick(rng, &["A", "J", "M", "R"])),
            None => name.to_lowercase(),
        },
        ResourceType::Configuration | ResourceType::Device => match rng.bool() {
            true => format!("{}.{}.local", name.to_lowercase(), code.to_lowercase()),
            false => format!("{name} (old)"),
        },
        ResourceType::Location => name.replace("Office", "Office (Main)").replace(" – ", " "),
        ResourceType::Asset => format!("{name} – spare"),
        ResourceType::Agreement => format!("{name} (2025)"),
    }
}

fn pick<'a>(rng: &mut Rng, from: &[&'a str]) -> &'a str {
    from[rng.usize(..from.len())]
}

fn weighted_role(rng: &mut Rng) -> &'static str {
    let total: u32 = ROLES.iter().map(|(_, w)| w).sum();
    let mut roll = rng.u32(..total);
    for (role, weight) in ROLES {
        if roll < weight {
            return role;
        }
        roll -= weight;
    }
    ROLES[0].0
}

fn serial(rng: &mut Rng) -> String {
    (0..7)
        .map(|_| {
            let c = rng.u8(..36);
            char::from_digit(u32::from(c), 36).map_or('0', |d| d.to_ascii_uppercase())
        })
        .collect()
}
