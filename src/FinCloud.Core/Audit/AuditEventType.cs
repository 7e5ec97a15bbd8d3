namespace FinCloud.Core.Audit;

/// <summary>
/// What happened. Numbered in blocks of a hundred per area; values are stored and hashed, so they are
/// never renumbered or reused. Add new values at the end of their block.
/// </summary>
public enum AuditEventType
{
    // 100–199 organisations and membership
    OrganizationCreated = 100,
    MemberAdded = 101,
    MemberRemoved = 102,
    TwoFactorPolicyChanged = 103,
    MemberInvited = 104,
    InvitationRevoked = 105,
    InvitationAccepted = 106,
    MemberRolesChanged = 107,
    SingleSignOnChanged = 108,
    MemberProvisioned = 109,
    ProvisionedAccountChanged = 110,
    ProvisionedAccountDeleted = 111,

    // 200–299 sign-in and accounts
    SignInSucceeded = 200,
    SignInFailed = 201,
    AccountLockedOut = 202,
    SignedOut = 203,
    TwoFactorEnabled = 204,
    TwoFactorDisabled = 205,
    PasswordChanged = 206,
    RecoveryCodesIssued = 207,
    RecoveryCodeUsed = 208,
    TwoFactorReset = 209,
    AccountUnlocked = 210,
    OtherSessionsEnded = 211,
    SignedInWithSingleSignOn = 212,
    SingleSignOnRefused = 213,
    SingleSignOnLinked = 214,

    // 300–399 API access
    ApiKeyCreated = 300,
    ApiKeyRevoked = 301,

    // 400–499 the audit trail itself
    AuditChainVerified = 400,

    // 500–599 supervisory sharing (an institution shares a record with the FSS or FSI)
    SharedWithSupervisor = 500,
    SharedRecordRead = 501,

    // 600–699 deadlines, reminders and calendar feeds (shared by every module)
    DeadlineReminderSent = 600,
    CalendarFeedCreated = 601,
    CalendarFeedRevoked = 602,
    // 1000–1099 cloud use (클라우드 이용)
    CloudUseCaseOpened = 1000,
    CloudUseCaseRevised = 1001,
    CloudUseApprovalInvalidated = 1002,
    CloudUseTaskUpdated = 1003,
    CloudUseTaskCommented = 1004,
    EvidenceUploaded = 1005,
    WorkFormSaved = 1006,
    CommitteeConstituted = 1007,
    CommitteeMemberAppointed = 1008,
    CommitteeMeetingScheduled = 1009,
    AgendaItemTabled = 1010,
    CommitteeVoteCast = 1011,
    CommitteeResolved = 1012,
    BoardReportItemCreated = 1013,
    CommitteeMinutesExported = 1014,
    ReportPackageGenerated = 1015,
    ReportPackageSubmitted = 1016,
    ReportPackageDownloaded = 1017,
    EvidenceDownloaded = 1018,
    EvidenceReviewed = 1019,
    CspInquirySent = 1020,
    CspInquiryAnswered = 1021,
    CspInquiryRevoked = 1022,

    // 1400–1499 CSP registry and evaluations
    CloudProviderRegistered = 1400,
    CloudServiceRegistered = 1401,
    CspCertificateRecorded = 1402,
    CspEvaluationRecorded = 1403,
    CspEvaluationItemMarked = 1404,

    // 1100–1199 network separation (망분리 예외)
    ExemptionRegistered = 1100,
    ExemptionControlAssessed = 1101,
    FsiEvaluationRecorded = 1102,
    ExemptionActivated = 1103,
    ExemptionActivationRefused = 1104,
    ExemptionSuspended = 1105,
    ControlReviewAssigned = 1106,
    ControlReviewCompleted = 1107,
    DataSetAdded = 1108,
    DataScopeScanRecorded = 1109,
    DataScopeFindingResolved = 1110,
    DataSetApproved = 1111,
    DataSetApprovalRefused = 1112,
    ExemptionExtended = 1113,

    // 1200–1299 business continuity (업무연속성)
    ContinuityProfileSaved = 1200,
    BusinessProcessSaved = 1201,
    ItAssetSaved = 1202,
    DependencyAdded = 1203,
    DependencyRemoved = 1204,
    DrSiteSaved = 1205,
    DrillPlanned = 1206,
    DrillExecutionRecorded = 1207,
    DrillFindingRaised = 1208,
    RemediationTaskOpened = 1209,
    RemediationTaskCompleted = 1210,
    ThirdPartyServiceSaved = 1211,
    LiabilityPolicySaved = 1212,
    IncidentRegistered = 1213,
    IncidentUpdated = 1214,
    IncidentStageChanged = 1215,
    IncidentReportSubmitted = 1216,
    EmergencyProcedureVersioned = 1217,
    EmergencyProcedureReviewed = 1218,
    EmergencyRoleSaved = 1219,
    ContinuityDocumentExported = 1220,
    JointDrillScheduled = 1221,
    JointDrillInvitationReceived = 1222,
    JointDrillResultRecorded = 1223,
    JointDrillResultSubmitted = 1224,
    JointDrillResultReceived = 1225,
    JointDrillClosed = 1226,
    EmergencyRoleUpdated = 1227,

    // 1300–1399 data scanning (데이터 스캔)
    ScanJobQueued = 1300,
    ScanJobCompleted = 1301,
    ScanJobFailed = 1302,
    ScanJobCancelled = 1303,
    ScanResultAttached = 1304,

    // 1500–1599 reports and submissions (보고 접수, 보완요청)
    SubmissionReceived = 1500,
    SubmissionStatusChanged = 1501,
    SupplementationRequested = 1502,
    SupplementationRequestReceived = 1503,
    SubmissionAnswered = 1504,
    FsiEvaluationPlanned = 1510,
    FsiEvaluationItemRecorded = 1511,
    FsiEvaluationPublished = 1512,
    FsiEvaluationSuperseded = 1513,
    FsiEvaluationReceived = 1514,
    FsiEvaluationReused = 1515,

    // 1600–1699 exchange bundles and keys (교환 번들, 서명 키, 신뢰 발행기관)
    SigningKeyCreated = 1600,
    SigningKeyRetired = 1601,
    TrustedIssuerPinned = 1602,
    TrustedIssuerRevoked = 1603,
    ExchangeBundleExported = 1604,
    ExchangeBundleImported = 1605,
    ExchangeBundleRejected = 1606,

    // 1700–1799 OSCAL and the public API (OSCAL 카탈로그 가져오기, API 키 범위)
    OscalCatalogueImported = 1700,
    OscalCatalogueRejected = 1701,

    // 1800–1899 webhooks (웹훅)
    WebhookEndpointCreated = 1800,
    WebhookEndpointUpdated = 1801,
    WebhookEndpointDeleted = 1802,
    WebhookSecretRotated = 1803,
    WebhookTestSent = 1804,
    WebhookRedeliveryRequested = 1805,
}
