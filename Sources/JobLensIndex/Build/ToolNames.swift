public import JobLensTaxonomy
import JobLensText

/// Software, platforms and abbreviations that job postings name but ESCO's labels do not
/// ("Excel", "QuickBooks", "Canva", "SEO"), each under the ESCO skill that using them shows.
///
/// The index adds every name as a label of its skill (field ``LabelField/tool``). Tool names
/// are proper names: they match only word for word, and in a phrase with capitals only where
/// written with one ("Slack" and "Zoom" are tools, "slack" and "zoom in" are not). Skills
/// missing from the taxonomy (another ESCO version, a test subset) are skipped and reported
/// (``resolve(in:)``).
public enum ToolNames {
  /// A skill (by ESCO URI, stable across versions) and the names that show it.
  struct Entry {
    let skill: String
    let names: [String]
  }

  static let escoSkill = "http://data.europa.eu/esco/skill/"

  /// The names, by skill. None is an ESCO label already (ESCO lists "Prezi", "Webex" and
  /// "OneDrive", for instance).
  static let entries: [Entry] = [
    // Office suites and their parts.
    Entry(
      skill: escoSkill + "1973c966-f236-40c9-b2d4-5d71a89019be",  // use spreadsheets software
      names: ["Excel", "Microsoft Excel", "MS Excel"]),
    Entry(
      skill: escoSkill + "81633a44-f1db-4a01-a940-804c6905e330",  // use word processing software
      names: ["Microsoft Word", "MS Word"]),
    Entry(
      skill: escoSkill + "234aeb8d-56c3-4531-9193-1c5e6a8d16cb",  // use presentation software
      names: ["PowerPoint", "Microsoft PowerPoint", "MS PowerPoint"]),
    Entry(
      skill: escoSkill + "f683ae1d-cb7c-4aa1-b9fe-205e1bd23535",  // use microsoft office
      names: [
        "Microsoft Office", "MS Office", "Microsoft 365", "Office 365", "Microsoft Office 365",
      ]),
    Entry(
      skill: escoSkill + "cf310cff-0d28-4dbc-9dbb-cc500a3196c2",  // office software
      names: ["Google Workspace", "G Suite", "GSuite", "LibreOffice"]),
    // Communication and collaboration.
    Entry(
      skill: escoSkill + "b080a008-a35d-4bd0-92e9-edf3773bb2b7",
      // use communication and collaboration software
      names: [
        "Slack", "Microsoft Teams", "MS Teams", "Zoom", "Google Meet", "Skype", "Gmail",
        "Outlook", "Microsoft Outlook", "MS Outlook",
      ]),
    Entry(
      skill: escoSkill + "fef18610-c8ca-431b-9ca8-d3d0cdffde72",  // use internet chat
      names: ["WhatsApp"]),
    Entry(
      skill: escoSkill + "580660a6-5d3a-421d-a54f-d85b706c2b2f",  // use online tools to collaborate
      names: [
        "ClickUp", "Basecamp", "Wrike", "Notion", "Airtable", "Smartsheet",
        "Google Drive", "Dropbox", "Miro",
      ]),
    Entry(
      skill: escoSkill + "fdf15b35-9028-4acb-bfd2-43f00a015cd9",
      // use personal organization software
      names: ["Google Calendar", "Calendly", "Evernote", "Acuity Scheduling"]),
    // Design and media.
    Entry(
      skill: escoSkill + "a71577b2-7550-4222-88ee-dcbd2d881516",  // graphics editor software
      names: ["Canva", "Figma", "InDesign", "Adobe InDesign"]),
    Entry(
      skill: escoSkill + "14ced458-5f4b-495f-bd3d-9c240614bda0",  // Adobe Photoshop
      names: ["Photoshop"]),
    Entry(
      skill: escoSkill + "5ce80f97-b385-4a41-9339-a6593d0709c1",  // perform video editing
      names: [
        "Premiere Pro", "Adobe Premiere", "Final Cut Pro", "DaVinci Resolve", "CapCut", "iMovie",
        "After Effects", "Adobe After Effects",
      ]),
    // Marketing.
    Entry(
      skill: escoSkill + "5303169c-75d6-4751-9136-a4b88343388c",  // social media management
      names: [
        "Instagram", "Facebook", "TikTok", "LinkedIn", "Pinterest", "YouTube", "Twitter",
        "Snapchat", "Hootsuite", "Sprout Social", "Meta Business Suite",
      ]),
    Entry(
      skill: escoSkill + "36931cb7-ca3f-4be1-8428-f38eefc8e1ed",  // execute email marketing
      names: [
        "Mailchimp", "Klaviyo", "ActiveCampaign", "ConvertKit", "Constant Contact", "Flodesk",
        "Brevo", "Sendinblue",
      ]),
    Entry(
      skill: escoSkill + "750f86d2-18be-4015-84b1-d4a26d9b2d88",
      // online ads campaign techniques
      names: [
        "Google Ads", "Google AdWords", "AdWords", "Facebook Ads", "Meta Ads", "LinkedIn Ads",
      ]),
    Entry(
      skill: escoSkill + "eda4d727-4374-49af-ace4-118c7c906835",  // search engine optimisation
      names: ["SEO", "Semrush", "Ahrefs", "Yoast"]),
    Entry(
      skill: escoSkill + "1605025e-a179-421f-8f35-5b07d182a6b2",  // web analytics
      names: ["Google Analytics", "GA4"]),
    Entry(
      skill: escoSkill + "56a10e3e-c9e7-4d39-b6f1-6013398fcb3a",
      // use content management system software
      names: ["Wix", "Squarespace", "Webflow"]),
    // Commerce, finance and customers.
    Entry(
      skill: escoSkill + "b1272de4-1f5f-408b-8b26-061f2550fc72",  // e-commerce systems
      names: [
        "Shopify", "WooCommerce", "BigCommerce", "Magento", "Etsy", "eBay", "Amazon Seller Central",
        "Seller Central",
      ]),
    Entry(
      skill: escoSkill + "a0d79341-8398-4019-ad1b-27888ec35aaa",  // use accounting systems
      names: [
        "QuickBooks", "QuickBooks Online", "Quick Books", "Xero", "Sage 50", "Sage Accounting",
        "MYOB", "Zoho Books", "Wave Accounting", "NetSuite", "Peachtree",
      ]),
    Entry(
      skill: escoSkill + "9889b795-d755-41b2-8afd-2e3c87a65a38",
      // use customer relationship management software
      names: [
        "Salesforce", "HubSpot", "Zoho CRM", "Pipedrive", "GoHighLevel", "Keap",
        "Microsoft Dynamics",
      ]),
    Entry(
      skill: escoSkill + "6430eb0d-c6de-46b7-a7fc-3dd2e8e62a69",  // use ICT ticketing system
      names: ["Zendesk", "Freshdesk", "Help Scout", "Gorgias", "Jira", "ServiceNow"]),
    Entry(
      skill: escoSkill + "143769cb-b61e-47d8-a61e-eedfbec1016c",  // business intelligence
      names: ["Tableau", "Power BI", "Looker", "Looker Studio", "Qlik"]),
    // Software development and operations (ESCO's descriptions name some of these: "tools,
    // such as VMware, kvm, Xen, Docker, Kubernetes").
    Entry(
      skill: escoSkill + "bd14968e-e409-45af-b362-3495ed7b10e0",  // cloud technologies
      names: [
        "AWS", "Amazon Web Services", "Azure", "Microsoft Azure", "GCP", "Google Cloud",
        "Google Cloud Platform",
      ]),
    Entry(
      skill: escoSkill + "ae4f0cc6-e0b9-47f5-bdca-2fc2e6316dce",
      // manage ICT virtualisation environments
      names: ["Docker", "Kubernetes", "VMware", "VirtualBox", "Hyper-V", "OpenShift"]),
    Entry(
      skill: escoSkill + "9d2e926f-53d9-41f5-98f3-19dfaa687f3f",
      // tools for software configuration management
      names: ["GitHub", "GitLab", "Bitbucket"]),
    Entry(
      skill: escoSkill + "76ef6ed3-1658-4a1a-9593-204d799c6d0c",  // NoSQL
      names: ["MongoDB", "DynamoDB"]),
  ]

  /// The names to index for a taxonomy, each with its skill's position, and the skills of the
  /// lexicon that the taxonomy lacks (their names are not indexed).
  public static func resolve(
    in taxonomy: Taxonomy
  ) -> (
    names: [(skill: Int, name: String)], unknownSkills: [String]
  ) {
    let resolved = SkillLexicon.resolve(entries.map { ($0.skill, $0.names) }, in: taxonomy)
    return (resolved.texts.map { ($0.skill, $0.text) }, resolved.unknownSkills)
  }
}
