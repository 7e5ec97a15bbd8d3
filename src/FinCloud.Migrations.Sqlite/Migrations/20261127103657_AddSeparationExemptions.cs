using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSeparationExemptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeparationExemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CatalogueVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DesignationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    WorkScope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SaasName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CspName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExcludedData = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtendedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommitteeResolution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RiskAssessment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SharedWithSupervisorAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeparationExemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeparationExemptions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemptionControlAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssessedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemptionControlAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemptionControlAssessments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemptionControlAssessments_SeparationExemptions_ExemptionId",
                        column: x => x.ExemptionId,
                        principalTable: "SeparationExemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemptionDataSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemptionDataSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemptionDataSets_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemptionDataSets_SeparationExemptions_ExemptionId",
                        column: x => x.ExemptionId,
                        principalTable: "SeparationExemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FsiSecurityEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FsiSecurityEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FsiSecurityEvaluations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FsiSecurityEvaluations_SeparationExemptions_ExemptionId",
                        column: x => x.ExemptionId,
                        principalTable: "SeparationExemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HalfYearlyControlReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Half = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CommitteeAgendaItem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HalfYearlyControlReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HalfYearlyControlReviews_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HalfYearlyControlReviews_SeparationExemptions_ExemptionId",
                        column: x => x.ExemptionId,
                        principalTable: "SeparationExemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataScopeScans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScannedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FindingCounts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataScopeScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataScopeScans_ExemptionDataSets_DataSetId",
                        column: x => x.DataSetId,
                        principalTable: "ExemptionDataSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DataScopeScans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataScopeFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataScopeFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataScopeFindings_DataScopeScans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "DataScopeScans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DataScopeFindings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataScopeFindings_OrganizationId_DataSetId",
                table: "DataScopeFindings",
                columns: new[] { "OrganizationId", "DataSetId" });

            migrationBuilder.CreateIndex(
                name: "IX_DataScopeFindings_ScanId",
                table: "DataScopeFindings",
                column: "ScanId");

            migrationBuilder.CreateIndex(
                name: "IX_DataScopeScans_DataSetId",
                table: "DataScopeScans",
                column: "DataSetId");

            migrationBuilder.CreateIndex(
                name: "IX_DataScopeScans_OrganizationId_DataSetId",
                table: "DataScopeScans",
                columns: new[] { "OrganizationId", "DataSetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionControlAssessments_ExemptionId",
                table: "ExemptionControlAssessments",
                column: "ExemptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionControlAssessments_OrganizationId_ExemptionId_ControlId_Revision",
                table: "ExemptionControlAssessments",
                columns: new[] { "OrganizationId", "ExemptionId", "ControlId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionDataSets_ExemptionId",
                table: "ExemptionDataSets",
                column: "ExemptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionDataSets_OrganizationId_ExemptionId",
                table: "ExemptionDataSets",
                columns: new[] { "OrganizationId", "ExemptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_FsiSecurityEvaluations_ExemptionId",
                table: "FsiSecurityEvaluations",
                column: "ExemptionId");

            migrationBuilder.CreateIndex(
                name: "IX_FsiSecurityEvaluations_OrganizationId_ExemptionId",
                table: "FsiSecurityEvaluations",
                columns: new[] { "OrganizationId", "ExemptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_HalfYearlyControlReviews_ExemptionId",
                table: "HalfYearlyControlReviews",
                column: "ExemptionId");

            migrationBuilder.CreateIndex(
                name: "IX_HalfYearlyControlReviews_OrganizationId_ExemptionId_Year_Half",
                table: "HalfYearlyControlReviews",
                columns: new[] { "OrganizationId", "ExemptionId", "Year", "Half" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeparationExemptions_OrganizationId_Status",
                table: "SeparationExemptions",
                columns: new[] { "OrganizationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataScopeFindings");

            migrationBuilder.DropTable(
                name: "ExemptionControlAssessments");

            migrationBuilder.DropTable(
                name: "FsiSecurityEvaluations");

            migrationBuilder.DropTable(
                name: "HalfYearlyControlReviews");

            migrationBuilder.DropTable(
                name: "DataScopeScans");

            migrationBuilder.DropTable(
                name: "ExemptionDataSets");

            migrationBuilder.DropTable(
                name: "SeparationExemptions");
        }
    }
}
