/// Word lists the tokenizer needs: written by us, small, and compiled in so that the library
/// works without any data files.
enum TextLexicons {
  /// Brand and product names written in camel case. A lower→upper case change inside any other
  /// word ("neededMaintain") is taken as a lost line break in scraped text and split.
  static let camelCaseNames: Set<String> = [
    "actioncampaign", "activecampaign", "actionscript", "airtable", "anydesk", "autocad",
    "bamboohr", "bigcommerce", "blackberry", "bitbucket", "calendly", "canva", "capcut",
    "careerbuilder", "chatgpt", "clickfunnels", "clickup", "coffeescript", "convertkit",
    "coreldraw", "devops", "devsecops", "docstar", "docusign", "dropbox", "facebook", "facetime",
    "fedramp", "filemaker", "freshbooks", "freshdesk", "gitlab", "github", "godaddy", "gotomeeting",
    "graphql", "hootsuite", "hubspot", "indesign", "javascript", "jobstreet", "keepass", "labview",
    "lastpass", "libreoffice", "linkedin", "livechat", "mailchimp", "macbook", "mongodb", "myob",
    "netsuite", "nodejs", "onedrive", "onenote", "openai", "openoffice", "openolat", "pagemaker",
    "paypal", "peoplesoft", "photoshop", "playstation", "postgresql", "powerapps", "powerbi",
    "powerpoint", "powershell", "quickbooks", "redhat", "salesforce", "servicenow", "sharepoint",
    "sketchup", "smartsheet", "solidworks", "soundcloud", "squarespace", "surveymonkey",
    "teamviewer", "tiktok", "typeform", "typescript", "upwork", "webex", "whatsapp", "woocommerce",
    "wordpress", "youtube", "zendesk", "ziprecruiter", "zoominfo",
  ]

  /// Product names that, followed by a version ("Office 365", "Windows 10", "Python 3.11"),
  /// form one protected term. Lower case; two-word names are tried before one-word names.
  static let versionedProducts: Set<String> = [
    "access", "android", "angular", "autocad", "dynamics", "excel", "exchange", "html", "ios",
    "java", "macos", "magento", "microsoft", "office", "oracle", "outlook", "php", "photoshop",
    "python", "quickbooks", "rails", "react", "revit", "sage", "sap", "sharepoint", "ubuntu",
    "vue", "web", "windows", "word", "xero", "microsoft office", "microsoft dynamics",
    "sql server", "windows server", "adobe photoshop", "mac os", "red hat",
  ]

  /// Top-level domains recognised in bare domain names ("example.co").
  static let topLevelDomains: Set<String> = [
    "ai", "app", "au", "biz", "br", "ca", "ch", "cn", "co", "com", "de", "dev", "dk", "edu",
    "es", "eu", "fi", "fr", "gov", "gr", "ie", "in", "info", "io", "it", "jobs", "jp", "mx",
    "net", "nl", "no", "nz", "org", "ph", "pl", "pt", "ru", "se", "sg", "tv", "uk", "us", "za",
  ]
}
