using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Continuity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BusinessProcesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RtoMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RpoMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCore = table.Column<bool>(type: "INTEGER", nullable: false),
                    CoreRationale = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Impacts = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessProcesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessProcesses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityDependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DependantKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DependantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DependencyKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DependencyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityDependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuityDependencies_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityDrills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScopeAssetIds = table.Column<string>(type: "TEXT", nullable: false),
                    IncludesExternalLinks = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExecutedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProcedureVersionUsed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityDrills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuityDrills_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsuranceCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DrCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TotalAssetsKrw = table.Column<long>(type: "INTEGER", nullable: true),
                    AnnualTransactionsKrw = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnItSystem = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReserveKrw = table.Column<long>(type: "INTEGER", nullable: false),
                    LossToleranceKrw = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerKrwPerPoint = table.Column<long>(type: "INTEGER", nullable: false),
                    RegulatoryKrwPerPoint = table.Column<long>(type: "INTEGER", nullable: false),
                    ReputationKrwPerPoint = table.Column<long>(type: "INTEGER", nullable: false),
                    DrCapacityTarget = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    Registrations = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContinuityProfiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrSites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Carriers = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrSites_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyProcedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyProcedures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyProcedures_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeputyId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyRoles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LiabilityPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Insurer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CoverFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoverTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AggregateLimitKrw = table.Column<long>(type: "INTEGER", nullable: false),
                    PerIncidentLimitKrw = table.Column<long>(type: "INTEGER", nullable: false),
                    LastChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoveredTypes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiabilityPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiabilityPolicies_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LinkedThirdPartyServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContractedRecoveryMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    IsOutsourcing = table.Column<bool>(type: "INTEGER", nullable: false),
                    RiskEvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DueDiligenceDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Monitoring = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DamagesClause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ExitPlan = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AlternativeProvider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedThirdPartyServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkedThirdPartyServices_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillFindings_ContinuityDrills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "ContinuityDrills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillFindings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DesignedRecoveryMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    DrMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DrSiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DrCapacityShare = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true),
                    NeedsExternalLines = table.Column<bool>(type: "INTEGER", nullable: false),
                    DedicatedLinesAtDr = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriersAtDr = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItAssets_DrSites_DrSiteId",
                        column: x => x.DrSiteId,
                        principalTable: "DrSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ItAssets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RemediationTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemediationTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemediationTasks_DrillFindings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "DrillFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RemediationTasks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrillSystemRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RtoMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RecoveredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    AchievedMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    AutomatedSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    ManualSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillSystemRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillSystemRuns_ContinuityDrills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "ContinuityDrills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillSystemRuns_ItAssets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "ItAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrillSystemRuns_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AwareAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RestoredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ServiceSubscribers = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerLossKrw = table.Column<long>(type: "INTEGER", nullable: true),
                    CriteriaMet = table.Column<string>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Timeline = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_ItAssets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "ItAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentReportSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentReportSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentReportSubmissions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IncidentReportSubmissions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProcesses_OrganizationId_Code",
                table: "BusinessProcesses",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityDependencies_OrganizationId_DependantId_DependencyId",
                table: "ContinuityDependencies",
                columns: new[] { "OrganizationId", "DependantId", "DependencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityDrills_OrganizationId_PlannedOn",
                table: "ContinuityDrills",
                columns: new[] { "OrganizationId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityProfiles_OrganizationId",
                table: "ContinuityProfiles",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrillFindings_DrillId",
                table: "DrillFindings",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillFindings_OrganizationId_DrillId",
                table: "DrillFindings",
                columns: new[] { "OrganizationId", "DrillId" });

            migrationBuilder.CreateIndex(
                name: "IX_DrillSystemRuns_AssetId",
                table: "DrillSystemRuns",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSystemRuns_DrillId",
                table: "DrillSystemRuns",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillSystemRuns_OrganizationId_DrillId_AssetId",
                table: "DrillSystemRuns",
                columns: new[] { "OrganizationId", "DrillId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrSites_OrganizationId",
                table: "DrSites",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyProcedures_OrganizationId_Scenario_Version",
                table: "EmergencyProcedures",
                columns: new[] { "OrganizationId", "Scenario", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyRoles_OrganizationId",
                table: "EmergencyRoles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReportSubmissions_IncidentId",
                table: "IncidentReportSubmissions",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReportSubmissions_OrganizationId_IncidentId_Stage_Sequence",
                table: "IncidentReportSubmissions",
                columns: new[] { "OrganizationId", "IncidentId", "Stage", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AssetId",
                table: "Incidents",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OrganizationId_Stage",
                table: "Incidents",
                columns: new[] { "OrganizationId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ItAssets_DrSiteId",
                table: "ItAssets",
                column: "DrSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ItAssets_OrganizationId_Code",
                table: "ItAssets",
                columns: new[] { "OrganizationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiabilityPolicies_OrganizationId",
                table: "LiabilityPolicies",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedThirdPartyServices_OrganizationId_Name",
                table: "LinkedThirdPartyServices",
                columns: new[] { "OrganizationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_RemediationTasks_FindingId",
                table: "RemediationTasks",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_RemediationTasks_OrganizationId_Status",
                table: "RemediationTasks",
                columns: new[] { "OrganizationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessProcesses");

            migrationBuilder.DropTable(
                name: "ContinuityDependencies");

            migrationBuilder.DropTable(
                name: "ContinuityProfiles");

            migrationBuilder.DropTable(
                name: "DrillSystemRuns");

            migrationBuilder.DropTable(
                name: "EmergencyProcedures");

            migrationBuilder.DropTable(
                name: "EmergencyRoles");

            migrationBuilder.DropTable(
                name: "IncidentReportSubmissions");

            migrationBuilder.DropTable(
                name: "LiabilityPolicies");

            migrationBuilder.DropTable(
                name: "LinkedThirdPartyServices");

            migrationBuilder.DropTable(
                name: "RemediationTasks");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "DrillFindings");

            migrationBuilder.DropTable(
                name: "ItAssets");

            migrationBuilder.DropTable(
                name: "ContinuityDrills");

            migrationBuilder.DropTable(
                name: "DrSites");
        }
    }
}
