public import JobLensTaxonomy

/// The ways job postings word common duties and requirements that ESCO's labels do not
/// ("answer phones", "calendar management", "data entry", "quick learner"), each under the
/// ESCO skill it names. Written by us from what administrative, virtual-assistant,
/// customer-service and bookkeeping postings say.
///
/// The index adds every phrasing as a label of its skill (field ``LabelField/phrasing``),
/// matched like an alternative label (any inflection and order, words close together).
/// Skills missing from the taxonomy (another ESCO version, a test subset) are skipped and
/// reported (``resolve(in:)``).
public enum PostingPhrasings {
  /// A skill (by ESCO URI) and the phrasings that name it.
  struct Entry {
    let skill: String
    let phrasings: [String]
  }

  static let escoSkill = "http://data.europa.eu/esco/skill/"

  /// The phrasings, by skill.
  static let entries: [Entry] = [
    Entry(
      // answer incoming calls
      skill: escoSkill + "5a0bffcf-4ff6-49cf-a7db-4142e63f5f04",
      phrasings: [
        "answer phones", "answer the phone", "answering phones", "answer telephones",
        "answer telephone calls", "answer calls", "take phone calls", "handle incoming calls",
        "handle phone calls", "receive phone calls", "phone answering", "inbound calls",
        "heavy phones", "cover phones", "phone coverage", "reception duties", "receptionist duties",
        "screen calls", "transfer calls", "field calls", "take calls", "switchboard",
        "operate switchboard",
      ]),
    Entry(
      // communicate by telephone
      skill: escoSkill + "de2f0ce8-f8d6-48c5-a213-4d065251cecf",
      phrasings: [
        "phone etiquette", "telephone etiquette", "telephone manner", "phone manner",
        "phone skills", "telephone skills", "make phone calls", "outbound calls",
        "return phone calls", "phone calls",
      ]),
    Entry(
      // greet guests
      skill: escoSkill + "26a6e6d2-1c9a-4d7e-8c04-5ba16d1f53da",
      phrasings: [
        "greet visitors", "greet clients", "greet customers", "welcome visitors", "meet and greet",
        "greeting visitors", "front desk reception", "reception duties", "receptionist duties",
        "front desk duties",
      ]),
    Entry(
      // assist visitors
      skill: escoSkill + "6e4f29f5-3904-4e1e-9c5f-c158c5e197bf",
      phrasings: ["receive visitors", "direct visitors", "visitor enquiries"]),
    Entry(
      // handle mail
      skill: escoSkill + "76f22707-8d30-453f-9eb7-3376e2960311",
      phrasings: [
        "sort mail", "distribute mail", "incoming mail", "outgoing mail", "process mail",
        "mail handling", "open mail", "sort and distribute mail", "post mail",
        "collect and post mail", "mailroom",
      ]),
    Entry(
      // file documents
      skill: escoSkill + "3d427a49-4f85-42cd-8a92-62d4a34f41a1",
      phrasings: [
        "filing", "file paperwork", "filing system", "filing records", "maintain files",
        "organize files", "organise files", "file correspondence", "filing and record keeping",
      ]),
    Entry(
      // process data
      skill: escoSkill + "f2d57f41-43b4-4f5b-8100-3df5c21eda50",
      phrasings: [
        "data entry", "enter data", "input data", "data input", "key data", "keying data",
        "update spreadsheets", "update databases", "enter information",
        "input information", "update records",
      ]),
    Entry(
      // type at speed
      skill: escoSkill + "ca49669b-1f59-4d1a-8e77-c77014ba93dc",
      phrasings: [
        "typing speed", "words per minute", "wpm", "fast typing", "typing skills", "typing",
        "quick typist", "fast typist",
      ]),
    Entry(
      // manage personnel agenda
      skill: escoSkill + "7ec3c77b-1955-4397-9bd3-7b7b9d0b8531",
      phrasings: [
        "calendar management", "manage calendars", "manage calendar", "maintain calendars",
        "maintain calendar", "diary management", "manage diaries", "manage diary",
        "manage schedules", "manage executive calendars",
      ]),
    Entry(
      // administer appointments
      skill: escoSkill + "933e7ccf-5d56-46ba-aca4-857f826a6b3a",
      phrasings: [
        "book appointments", "set appointments", "appointment setting", "arrange appointments",
        "confirm appointments", "appointment scheduling", "booking appointments",
      ]),
    Entry(
      // organise travel arrangements for staff
      skill: escoSkill + "382ed835-8958-4d86-8471-cff55c6df3e7",
      phrasings: [
        "travel arrangements", "book travel", "arrange travel", "schedule travel",
        "travel bookings", "travel booking", "book flights", "book hotels",
        "make travel arrangements", "coordinate travel", "travel planning",
      ]),
    Entry(
      // fix meetings
      skill: escoSkill + "906c9e66-bdee-4f8e-93d7-88d9fcf39a0a",
      phrasings: [
        "set up meetings", "coordinate meetings", "book meetings", "meeting scheduling",
        "organize meetings", "book conference rooms", "conference room reservations",
      ]),
    Entry(
      // write meeting reports
      skill: escoSkill + "5fa6cd2f-9bab-4afa-a184-2d2f1401b770",
      phrasings: [
        "take minutes", "minute taking", "meeting minutes", "record minutes",
        "take notes at meetings",
      ]),
    Entry(
      // perform clerical duties
      skill: escoSkill + "ab986bc4-df92-4351-9ac1-aa75af943cf7",
      phrasings: [
        "clerical duties", "clerical work", "clerical tasks", "clerical support",
        "general clerical", "administrative tasks", "administrative duties", "admin tasks",
        "office duties", "general office duties", "office administration tasks",
        "administrative support", "secretarial support", "secretarial duties", "secretarial tasks",
        "secretarial work",
        "clerical experience", "clerical assignments", "admin duties", "admin support",
        "administrative assignments",
      ]),
    Entry(
      // perform office routine activities
      skill: escoSkill + "7c3865d1-e5a9-4043-a7a4-2e9e30468c0b",
      phrasings: [
        "office support", "general office support", "office tasks", "daily office operations",
        "office operations", "run the office", "office errands",
      ]),
    Entry(
      // maintain inventory of office supplies
      skill: escoSkill + "31c7add0-0150-4029-bf33-47872c23fcf1",
      phrasings: [
        "office supplies", "order supplies", "order office supplies", "stock supplies",
        "supply ordering", "replenish supplies", "stationery",
      ]),
    Entry(
      // issue sales invoices
      skill: escoSkill + "e3e42d54-78bd-4337-aa87-bb31a7670c9a",
      phrasings: [
        "invoicing", "prepare invoices", "send invoices", "create invoices", "generate invoices",
        "billing", "bill clients", "process invoices",
      ]),
    Entry(
      // maintain financial records
      skill: escoSkill + "faf8943c-72ff-4736-a587-25508695d6f0",
      phrasings: [
        "bookkeeping", "keep books", "maintain books", "financial records", "record transactions",
        "bookkeeper",
      ]),
    Entry(
      // manage payroll
      skill: escoSkill + "9d916d7c-89b3-4084-a6d9-e2b0b3091404",
      phrasings: ["payroll", "process payroll", "payroll processing", "run payroll"]),
    Entry(
      // handle financial transactions
      skill: escoSkill + "f7e7ccb6-fadc-4c35-935d-e1040be40dfe",
      phrasings: [
        "accounts payable", "accounts receivable", "process payments", "post payments",
        "collect payments", "receive payments", "reconcile accounts", "bank reconciliation",
        "cash handling", "handle cash", "petty cash",
      ]),
    Entry(
      // respond to customers' inquiries
      skill: escoSkill + "cace7a77-38b7-4cdf-8171-e17692bef5f6",
      phrasings: [
        "customer inquiries", "customer enquiries", "answer inquiries", "answer enquiries",
        "respond to inquiries", "respond to enquiries", "customer questions",
        "answer customer questions", "respond to customer questions", "handle inquiries",
        "handle enquiries", "general inquiries",
      ]),
    Entry(
      // handle customer complaints
      skill: escoSkill + "28d715e3-3e5b-4fb6-8dd2-4be4919c8587",
      phrasings: [
        "customer complaints", "handle complaints", "resolve complaints", "complaint handling",
        "resolve customer issues", "resolve customer problems",
      ]),
    Entry(
      // provide customer follow-up services
      skill: escoSkill + "debb8d81-ed7f-447d-853a-5d107fda6fcf",
      phrasings: [
        "customer follow-up", "follow up with customers", "follow up with clients",
        "client follow-up", "patient follow-up", "follow-up calls",
      ]),
    Entry(
      // maintain relationship with customers
      skill: escoSkill + "2239694b-771a-4586-8b54-2794e361a9ae",
      phrasings: [
        "client relationships", "customer relationships", "build relationships with clients",
        "build rapport with customers", "account management", "maintain client relationships",
      ]),
    Entry(
      // perform multiple tasks at the same time
      skill: escoSkill + "0b144726-21c2-46ed-8d13-c03d27f61604",
      phrasings: [
        "multitask", "multi-task", "multitasking", "multi-tasking", "juggle multiple tasks",
        "handle multiple tasks", "manage multiple tasks", "manage multiple priorities",
        "multiple priorities", "multitasker", "multi-tasker", "multiple projects",
        "multiple tasks", "multiple assignments", "multiple responsibilities",
      ]),
    Entry(
      // manage time
      skill: escoSkill + "d9013e0e-e937-43d5-ab71-0e917ee882b8",
      phrasings: ["manage your time", "time-management"]),
    Entry(
      // apply organisational techniques
      skill: escoSkill + "d3eccb86-f02d-4950-bfbd-20b9510774a1",
      phrasings: [
        "well organized", "well organised", "highly organized", "highly organised",
        "stay organized", "stay organised", "organized",
      ]),
    Entry(
      // organise information, objects and resources (ESCO's "have organisational skills")
      skill: escoSkill + "6b305973-8993-475f-bd8a-daf037c61401",
      phrasings: [
        "organizational skills", "organisational skills", "organization skills",
        "organisation skills",
      ]),
    Entry(
      // solve problems
      skill: escoSkill + "adc6dc11-3376-467b-96c5-9b0a21edc869",
      phrasings: [
        "problem solving", "problem-solving", "solve issues", "troubleshoot issues",
        "resolve issues", "problem solver",
      ]),
    Entry(
      // have computer literacy
      skill: escoSkill + "d15ce60f-ddab-41ce-ba56-398451b77b60",
      phrasings: [
        "computer skills", "computer literate", "computer proficiency", "proficient with computers",
        "pc skills", "basic computer skills", "computer savvy", "tech savvy", "tech-savvy",
        "internet savvy", "computer knowledge", "IT literate",
      ]),
    Entry(
      // demonstrate willingness to learn
      skill: escoSkill + "9bf266a6-188b-4d17-a22f-2f266d76832b",
      phrasings: [
        "quick learner", "fast learner", "learn quickly", "willing to learn", "eager to learn",
        "willingness to learn", "learn new skills", "learn new systems", "learn new tools",
        "teachable",
      ]),
    Entry(
      // work in teams
      skill: escoSkill + "60c78287-22eb-4103-9c8c-28deaa460da0",
      phrasings: [
        "team player", "work as part of a team", "collaborative team member", "work with a team",
      ]),
    Entry(
      // work independently
      skill: escoSkill + "c29aa9d2-4da8-4bdd-831c-8d4a2fb51730",
      phrasings: [
        "self-motivated", "self motivated", "self starter", "self-starter", "minimal supervision",
        "minimum supervision", "without supervision", "work unsupervised",
      ]),
    Entry(
      // meet deadlines
      skill: escoSkill + "91abe492-18be-4cce-93c7-0dca07072363",
      phrasings: [
        "meet tight deadlines", "deadline-driven", "deadline driven", "work to deadlines",
        "deliver on time", "deadlines are met", "deadlines met",
      ]),
    Entry(
      // respect confidentiality obligations
      skill: escoSkill + "e37d64dc-0f05-4ee8-b065-bf76f70d8f5c",
      phrasings: [
        "confidential information", "handle confidential information", "maintain confidentiality",
        "discreet", "confidential materials", "confidential documents", "confidential matters",
        "sensitive information", "sensitive matters",
      ]),
    Entry(
      // draft corporate emails
      skill: escoSkill + "ec0bbf39-0edd-4015-a2c3-82ad563ce3a8",
      phrasings: [
        "email correspondence", "respond to emails", "reply to emails", "answer emails",
        "write emails", "compose emails", "draft emails", "email management", "manage emails",
        "manage email", "manage inbox", "inbox management", "handle emails", "draft correspondence",
        "prepare correspondence", "type correspondence", "business correspondence",
        "compose letters", "write letters",
      ]),
    Entry(
      // use word processing software
      skill: escoSkill + "81633a44-f1db-4a01-a940-804c6905e330",
      phrasings: [
        "word processing", "type documents", "type letters", "typing documents", "format documents",
      ]),
    Entry(
      // use spreadsheets software
      skill: escoSkill + "1973c966-f236-40c9-b2d4-5d71a89019be",
      phrasings: ["spreadsheets", "spreadsheet"]),
    Entry(
      // use presentation software
      skill: escoSkill + "234aeb8d-56c3-4531-9193-1c5e6a8d16cb",
      phrasings: [
        "presentations software", "create presentations", "prepare presentations", "slide decks",
      ]),
    Entry(
      // prepare presentation material
      skill: escoSkill + "1ba59ce0-7fec-434b-8d5c-9b275250a26c",
      phrasings: ["presentation materials", "presentation decks", "prepare slides"]),
    Entry(
      // write work-related reports
      skill: escoSkill + "918f5211-b99f-4b29-9a34-6e475583ef55",
      phrasings: [
        "prepare reports", "create reports", "compile reports", "generate reports", "run reports",
        "weekly reports", "monthly reports", "daily reports", "report writing",
        "write reports", "draft reports", "compose reports", "produce reports",
      ]),
    Entry(
      // conduct web searches
      skill: escoSkill + "ba93b71b-c433-4a01-8246-ed2daa85a9a2",
      phrasings: [
        "online research", "internet research", "web research", "research online",
        "research on the internet", "google searches", "search the internet",
      ]),
    Entry(
      // perform business research
      skill: escoSkill + "0839eea4-c57b-4c14-b19b-923fbedb5d88",
      phrasings: [
        "business research", "research companies", "lead research", "prospect research",
        "research prospects",
      ]),
    Entry(
      // use communication and collaboration software
      skill: escoSkill + "b080a008-a35d-4bd0-92e9-edf3773bb2b7",
      phrasings: ["video calls", "video conferencing", "online meetings"]),
    Entry(
      // social media management
      skill: escoSkill + "5303169c-75d6-4751-9136-a4b88343388c",
      phrasings: [
        "manage social media", "social media accounts", "social media posts",
        "post on social media", "social media content", "social media scheduling", "schedule posts",
        "community management",
      ]),
    Entry(
      // proofread text
      skill: escoSkill + "637ca2e2-0624-48b1-be6e-9ff4580344ac",
      phrasings: [
        "proofreading", "proofread", "proofread documents", "check documents for errors",
        "edit documents",
      ]),
    Entry(
      // operate cash register
      skill: escoSkill + "0cb013af-6dd9-4fb2-b34e-63dda1a5cf82",
      phrasings: ["cash register", "point of sale", "POS system"]),
    Entry(
      // customer service
      skill: escoSkill + "15a33d76-4640-438d-ae64-fdc0c1d3eebc",
      phrasings: [
        "client service", "customer-facing", "client-facing", "serve customers",
        "service customers",
      ]),
    Entry(
      // communication
      skill: escoSkill + "15d76317-c71a-4fa2-aadc-2ecc34e627b7",
      phrasings: [
        "communication skills", "verbal communication", "written communication",
        "verbal and written communication", "written and verbal communication",
        "communicate effectively", "communication abilities",
      ]),
    Entry(
      // interact verbally in English
      skill: escoSkill + "0ee9e985-0ee5-4a73-8a12-78b53b261bb2",
      phrasings: [
        "fluent English", "fluent in English", "english fluency", "spoken English",
        "excellent English", "good English", "native English", "English speaker",
      ]),
    Entry(
      // write English
      skill: escoSkill + "3993c87c-7719-4186-811b-8ddfb40e76be",
      phrasings: ["written English", "write in English", "English writing", "english grammar"]),
    Entry(
      // attend to detail
      skill: escoSkill + "83e6510b-ffeb-4aec-959c-4265fd0ff7b7",
      phrasings: ["detail-oriented", "eye for detail", "meticulous", "detail orientated"]),
    Entry(
      // work in an organised manner
      skill: escoSkill + "1258cc12-37bb-4a12-b219-9c3d6b294533",
      phrasings: [
        "organized manner", "organised manner", "organized approach", "structured approach",
      ]),
    Entry(
      // show initiative
      skill: escoSkill + "001115fb-569f-4ee6-8381-c6807ef2527f",
      phrasings: [
        "proactive", "take initiative", "anticipate needs", "self-starter", "self starter",
        "self-motivated", "self motivated",
      ]),
    Entry(
      // adapt to change
      skill: escoSkill + "49de9958-2aa4-4eef-a89d-fe5d5bcd28c4",
      phrasings: ["flexibility", "adjust to changing priorities", "changing priorities"]),
    Entry(
      // cope with stress
      skill: escoSkill + "7a147904-22b3-498a-b4d9-7bceeb86b45d",
      phrasings: [
        "fast-paced environment", "fast paced environment", "high-pressure environment",
        "stay calm under pressure", "stressful situations",
      ]),
    Entry(
      // demonstrate professional attitude to clients
      skill: escoSkill + "4adb861b-3ad8-4f0d-9343-decf59748d56",
      phrasings: [
        "professional demeanor", "professional demeanour", "professional manner",
        "professional appearance", "professionalism",
      ]),
    Entry(
      // use microsoft office
      skill: escoSkill + "f683ae1d-cb7c-4aa1-b9fe-205e1bd23535",
      phrasings: [
        "Office suite", "Microsoft Office Suite", "MS Office Suite", "Microsoft products",
      ]),
    Entry(
      // use accounting systems
      skill: escoSkill + "a0d79341-8398-4019-ad1b-27888ec35aaa",
      phrasings: ["accounting software", "bookkeeping software"]),
    Entry(
      // use customer relationship management software
      skill: escoSkill + "9889b795-d755-41b2-8afd-2e3c87a65a38",
      phrasings: [
        "CRM", "CRM software", "CRM system", "CRM systems",
        "customer relationship management system",
      ]),
    Entry(
      // manage inventory
      skill: escoSkill + "ab6265f2-a9bf-49e8-a9a5-67cbab4de38b",
      phrasings: [
        "inventory management", "track inventory", "inventory control", "stock control",
        "manage stock", "stock management", "inventory",
      ]),
    Entry(
      // liaise with managers
      skill: escoSkill + "f14ff4b7-be1e-4b55-b39b-520005f8a97e",
      phrasings: [
        "report to management", "support management", "coordinate with managers",
        "work closely with managers", "liaise with management",
      ]),
    Entry(
      // support managers
      skill: escoSkill + "4bd6e2ad-bf69-4198-b3ac-3baabd9da46e",
      phrasings: [
        "support executives", "assist executives", "executive support", "assist the CEO",
        "support the CEO", "assist the director", "support the director",
        "administrative support to managers", "support senior management",
      ]),
    Entry(
      // liaise with colleagues
      skill: escoSkill + "9d5521f9-44d7-4db4-b7ac-0ba7d389f44d",
      phrasings: [
        "coordinate with departments", "work with other departments", "cross-functional",
        "liaise with staff", "coordinate with team members", "liaise with other departments",
        "other departments", "internal departments",
      ]),
    Entry(
      // use databases
      skill: escoSkill + "4463a721-69f3-413d-8321-43e3af13a4f1",
      phrasings: [
        "database management", "maintain databases", "update the database", "database entry",
      ]),
    Entry(
      // keep task records
      skill: escoSkill + "43b13058-68d0-40c6-8031-caf5a7b7d20c",
      phrasings: [
        "record keeping", "keep records", "maintain records", "maintain logs", "keep logs",
        "record-keeping", "recordkeeping",
      ]),
    Entry(
      // organise business documents
      skill: escoSkill + "3e04e39d-9eb6-4167-ad2d-e3413f647e4e",
      phrasings: [
        "organize documents", "organise documents", "document management", "manage documents",
        "organize paperwork", "organise paperwork", "paperwork",
      ]),
    Entry(
      // manage digital documents
      skill: escoSkill + "b769f524-0f25-44d7-8538-5c46710a040e",
      phrasings: [
        "digital files", "electronic files", "scan documents", "scanning documents",
        "digitize documents", "shared drives", "cloud storage",
      ]),
    Entry(
      // coordinate events
      skill: escoSkill + "2111dff8-f830-46ad-80ce-7885893b3134",
      phrasings: [
        "event planning", "organize events", "organise events", "event coordination",
        "office events", "company events",
      ]),
    Entry(
      // purchase supplies
      skill: escoSkill + "015b0162-6dd3-4d46-bbfd-325086155dd5",
      phrasings: [
        "purchasing", "place orders with vendors", "order from vendors", "procure supplies",
        "purchase orders",
      ]),
    Entry(
      // maintain relationship with suppliers
      skill: escoSkill + "3cd35f5d-ce6d-4f14-9a09-53d7a28d834c",
      phrasings: [
        "vendor relationships", "vendor management", "liaise with vendors",
        "communicate with vendors", "supplier relationships", "work with vendors",
        "coordinate with vendors",
      ]),
    Entry(
      // maintain records of phone calls
      skill: escoSkill + "8096627b-c5a5-4235-b1ee-eca8be976eb2",
      phrasings: ["call log", "call logs", "log calls", "phone log"]),
    Entry(
      // reproduce documents
      skill: escoSkill + "884588fb-19b4-400e-aebd-83a2fff51be1",
      phrasings: [
        "photocopying", "photocopy", "photocopies", "copying", "make copies", "copier",
        "photocopier", "copy machine", "copy equipment", "copying equipment",
      ]),
    Entry(
      // deliver correspondence
      skill: escoSkill + "df1265b9-81fd-4a40-a746-f0442ffbf7ef",
      phrasings: ["deliver mail", "mail delivery", "mail deliveries", "deliver packages"]),
    Entry(
      // receive goods
      skill: escoSkill + "2cae39d6-78c2-4ce3-bee8-628504371463",
      phrasings: [
        "shipping and receiving", "receive deliveries", "receive shipments",
        "incoming deliveries", "incoming shipments", "receive packages",
      ]),
    Entry(
      // digitise documents
      skill: escoSkill + "367c240d-5f34-423a-86b1-866ad27206ea",
      phrasings: ["scanning equipment", "document scanning", "scanning documents"]),
    Entry(
      // prepare shipments in time
      skill: escoSkill + "ed5fab0c-e68c-4205-adfb-34b578a7fbba",
      phrasings: [
        "shipping and receiving", "outgoing shipments", "ship orders", "ship products",
        "ship packages", "prepare shipments",
      ]),
    Entry(
      // follow verbal instructions
      skill: escoSkill + "fc511e12-fe90-40a0-bec8-227abb5e4255",
      phrasings: ["follow directions", "take direction", "follow instructions"]),
    Entry(
      // lift heavy weights
      skill: escoSkill + "ab2bb44a-3956-4028-8715-8b70b1960b99",
      phrasings: ["heavy lifting", "lift lbs", "lift pounds", "lift heavy boxes"]),
    Entry(
      // drive vehicles
      skill: escoSkill + "2a82241a-216e-44d8-bb50-6b9a0ef82084",
      phrasings: [
        "driver's license", "drivers license", "driver license", "driving licence",
        "driving license", "driver's licence",
      ]),
    Entry(
      // apply numeracy skills
      skill: escoSkill + "5dd01a1e-7ba0-4b7f-a76c-ed811c12bfde",
      phrasings: [
        "math skills", "basic math", "maths skills", "mathematical skills", "numeracy",
        "numerical skills", "good with numbers",
      ]),
    Entry(
      // office administration (as well as perform clerical duties)
      skill: escoSkill + "6a609f8f-1451-4102-ad2d-62c5270e1237",
      phrasings: [
        "administrative support", "administrative duties", "administrative tasks",
        "office services",
      ]),
    Entry(
      // execute administration
      skill: escoSkill + "e01f1d44-034c-4354-b290-1fb4da5666e3",
      phrasings: ["administrative work", "office administration", "administrative functions"]),
    Entry(
      // communicate with customers
      skill: escoSkill + "0da516ee-e70e-4384-be13-f5ff80be8127",
      phrasings: [
        "deal with customers", "deal with clients", "deal with the public", "customer contact",
        "client contact", "liaise with customers", "liaise with clients",
      ]),
    Entry(
      // prospect new customers
      skill: escoSkill + "6d97bf55-6fb6-4795-8282-3ef915ae0bb8",
      phrasings: [
        "prospecting", "lead generation", "generate leads", "find new clients",
        "find new customers",
      ]),
  ]

  /// The phrasings to index for a taxonomy, each with its skill's position, and the skills of
  /// the lexicon that the taxonomy lacks (their phrasings are not indexed).
  public static func resolve(
    in taxonomy: Taxonomy
  ) -> (phrasings: [(skill: Int, phrasing: String)], unknownSkills: [String]) {
    let resolved = SkillLexicon.resolve(entries.map { ($0.skill, $0.phrasings) }, in: taxonomy)
    return (resolved.texts.map { ($0.skill, $0.text) }, resolved.unknownSkills)
  }
}
