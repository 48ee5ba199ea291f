/// The fixture taxonomy's own content: its ISCO groups' descriptions (written by us; the
/// groups' codes and titles come from the ESCO download) and its occupations, with their
/// unit groups, labels and descriptions (example.org URIs, our own words).
extension FixtureTaxonomy {
  /// The ISCO groups, by code, in the fixture's order, with our descriptions.
  static let groups: [(code: String, description: String)] = [
    (
      "2", "Professionals apply and extend knowledge of the physical, social and business sciences."
    ),
    (
      "24",
      "Business and administration professionals plan and advise on how organisations are run and sold to."
    ),
    (
      "243",
      "Sales, marketing and public relations professionals promote organisations, their products and their image."
    ),
    (
      "2431",
      "Advertising and marketing professionals plan and run the campaigns that make products and services known.\nTasks include -\n(a)  planning marketing campaigns and their budgets;\n(b)  managing social media accounts and writing posts;\n(c)  analysing market research and sales figures;\n(d)  writing advertising copy and newsletters.\nExamples of the occupations classified here:\n- Marketing specialist\n- Social media manager\nSome related occupations classified elsewhere:\n- Call centre agent - 5244"
    ),
    (
      "25",
      "Information and communications technology professionals design, build and maintain software and computer systems."
    ),
    (
      "251",
      "Software and applications developers and analysts study, design and write computer software."
    ),
    (
      "2512",
      "Software developers design, write and test computer programs for users and organisations.\nTasks include -\n(a)  writing and maintaining program code;\n(b)  testing and debugging software;\n(c)  designing databases and writing queries for them;\n(d)  analysing what users need from a program.\nExamples of the occupations classified here:\n- Software developer\n- Programmer\n- Web developer"
    ),
    (
      "3",
      "Technicians and associate professionals carry out technical and administrative work that supports professionals and managers."
    ),
    (
      "33",
      "Business and administration associate professionals support the running of organisations."
    ),
    (
      "334",
      "Administrative and specialised secretaries provide organisational support to managers."
    ),
    (
      "3343",
      "Administrative and executive secretaries support managers and executives with organisational and administrative tasks.\nTasks include -\n(a)  managing the diaries of executives and arranging their meetings;\n(b)  booking travel arrangements and accommodation;\n(c)  drafting correspondence and preparing the minutes of meetings;\n(d)  coordinating the flow of information in the office.\nExamples of the occupations classified here:\n- Executive assistant\n- Personal assistant\n- Executive secretary"
    ),
    (
      "4",
      "Clerical support workers record, organise and store information and carry out office tasks."
    ),
    ("41", "General and keyboard clerks type documents and carry out general office work."),
    ("412", "Secretaries (general) type documents and handle the correspondence of an office."),
    (
      "4120",
      "Secretaries (general) type, format and check documents and handle the correspondence and records of an office.\nTasks include -\n(a)  typing letters, reports and other documents from drafts or dictation;\n(b)  filing documents and keeping office records;\n(c)  answering the telephone and taking messages;\n(d)  scheduling appointments and meetings.\nExamples of the occupations classified here:\n- Secretary\n- Typist secretary"
    ),
    ("43", "Numerical and material recording clerks keep numerical records and records of goods."),
    ("431", "Numerical clerks record financial and statistical figures."),
    (
      "4311",
      "Accounting and bookkeeping clerks keep the financial records of an organisation.\nTasks include -\n(a)  recording financial transactions in ledgers and journals;\n(b)  preparing invoices and checking the payments received;\n(c)  reconciling bank statements with the accounts;\n(d)  computing wages and preparing payroll records.\nExamples of the occupations classified here:\n- Bookkeeper\n- Accounts clerk\n- Payroll clerk"
    ),
    ("5", "Service and sales workers provide services to people and sell goods."),
    ("52", "Sales workers sell goods and services to the public."),
    (
      "524",
      "Other sales workers sell goods and services by telephone, at the door or in the street."
    ),
    (
      "5244",
      "Contact centre salespersons sell goods and services and answer customers by telephone or other media from a contact centre.\nTasks include -\n(a)  answering incoming calls from customers;\n(b)  handling customer complaints and enquiries;\n(c)  selling products over the telephone;\n(d)  recording orders and customer details.\nExamples of the occupations classified here:\n- Call centre agent\n- Telesales representative"
    ),
  ]

  /// The occupations: URI slug, unit group, preferred label, alternative labels, description.
  static let occupations:
    [(slug: String, group: String, label: String, alternatives: [String], description: String)] = [
      (
        "secretary", "4120", "secretary", ["office secretary", "typist"],
        "A secretary types documents, files records and answers the telephone for an office."
      ),
      (
        "bookkeeper", "4311", "bookkeeper", ["book-keeper", "accounts clerk"],
        "A bookkeeper records financial transactions, prepares invoices and reconciles the accounts."
      ),
      (
        "payroll-clerk", "4311", "payroll clerk", ["wages clerk"],
        "A payroll clerk computes the wages of employees and keeps the payroll records."
      ),
      (
        "executive-assistant", "3343", "executive assistant",
        ["executive secretary", "PA to the director"],
        "An executive assistant manages the diary of an executive, books travel and drafts correspondence."
      ),
      (
        "personal-assistant", "3343", "personal assistant", ["personal secretary"],
        "A personal assistant organises the working day of a manager."
      ),
      (
        "software-developer", "2512", "software developer", ["programmer", "software engineer"],
        "A software developer writes, tests and maintains computer programs."
      ),
      (
        "web-developer", "2512", "web developer", ["website developer", "front-end developer"],
        "A web developer builds web sites and web applications."
      ),
      (
        "social-media-manager", "2431", "social media manager", ["social media coordinator"],
        "A social media manager plans and writes the posts of an organisation on social media."
      ),
      (
        "marketing-specialist", "2431", "marketing specialist", ["marketing executive"],
        "A marketing specialist plans marketing campaigns and analyses their results."
      ),
      (
        "call-centre-agent", "5244", "call centre agent",
        ["call center agent", "contact centre agent", "telesales representative"],
        "A call centre agent answers calls from customers, handles their complaints and sells products by telephone."
      ),
    ]
}
