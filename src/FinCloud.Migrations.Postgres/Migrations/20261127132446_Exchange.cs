using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExportedBundles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    InReplyTo = table.Column<Guid>(type: "uuid", nullable: true),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportedBundles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportedBundles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceModel = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    CatalogueId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Verdict = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedEvaluations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReceivedEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Supersedes = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceModel = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    CatalogueId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false),
                    ItemsJson = table.Column<string>(type: "text", nullable: false),
                    UnmetItems = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    CspEvaluationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceivedEvaluations_CloudServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "CloudServices",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ReceivedEvaluations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SigningKeys_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    InstitutionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<int>(type: "integer", nullable: true),
                    SourceOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    BundleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TaskKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueComputation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PackageSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CspName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Regions = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsMaterial = table.Column<bool>(type: "boolean", nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submissions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplementationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupervisorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: true),
                    SupervisorMessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplementationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplementationRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplementationRequests_ReportPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ReportPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrustedIssuers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerKind = table.Column<int>(type: "integer", nullable: false),
                    PublicKeyPem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PinnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedIssuers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrustedIssuers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublishedEvaluationItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RemediationDue = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedEvaluationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedEvaluationItems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublishedEvaluationItems_PublishedEvaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "PublishedEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromSupervisor = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionMessages_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubmissionMessages_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportedBundles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BundleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TrustedIssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InReplyTo = table.Column<Guid>(type: "uuid", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedBundles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedBundles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportedBundles_TrustedIssuers_TrustedIssuerId",
                        column: x => x.TrustedIssuerId,
                        principalTable: "TrustedIssuers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExportedBundles_OrganizationId_SubjectId",
                table: "ExportedBundles",
                columns: new[] { "OrganizationId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedBundles_OrganizationId_BundleId",
                table: "ImportedBundles",
                columns: new[] { "OrganizationId", "BundleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedBundles_TrustedIssuerId",
                table: "ImportedBundles",
                column: "TrustedIssuerId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEvaluationItems_EvaluationId",
                table: "PublishedEvaluationItems",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEvaluationItems_OrganizationId_EvaluationId_ItemId",
                table: "PublishedEvaluationItems",
                columns: new[] { "OrganizationId", "EvaluationId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedEvaluations_OrganizationId_State",
                table: "PublishedEvaluations",
                columns: new[] { "OrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvaluations_OrganizationId_PublicationId",
                table: "ReceivedEvaluations",
                columns: new[] { "OrganizationId", "PublicationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvaluations_OrganizationId_ServiceId",
                table: "ReceivedEvaluations",
                columns: new[] { "OrganizationId", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvaluations_ServiceId",
                table: "ReceivedEvaluations",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_OrganizationId_KeyId",
                table: "SigningKeys",
                columns: new[] { "OrganizationId", "KeyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionMessages_OrganizationId_SubmissionId",
                table: "SubmissionMessages",
                columns: new[] { "OrganizationId", "SubmissionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionMessages_SubmissionId",
                table: "SubmissionMessages",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OrganizationId_SourceRecordId_Kind",
                table: "Submissions",
                columns: new[] { "OrganizationId", "SourceRecordId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OrganizationId_Status",
                table: "Submissions",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplementationRequests_OrganizationId_PackageId",
                table: "SupplementationRequests",
                columns: new[] { "OrganizationId", "PackageId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplementationRequests_OrganizationId_SupervisorMessageId",
                table: "SupplementationRequests",
                columns: new[] { "OrganizationId", "SupervisorMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplementationRequests_PackageId",
                table: "SupplementationRequests",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_TrustedIssuers_OrganizationId_KeyId",
                table: "TrustedIssuers",
                columns: new[] { "OrganizationId", "KeyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExportedBundles");

            migrationBuilder.DropTable(
                name: "ImportedBundles");

            migrationBuilder.DropTable(
                name: "PublishedEvaluationItems");

            migrationBuilder.DropTable(
                name: "ReceivedEvaluations");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "SubmissionMessages");

            migrationBuilder.DropTable(
                name: "SupplementationRequests");

            migrationBuilder.DropTable(
                name: "TrustedIssuers");

            migrationBuilder.DropTable(
                name: "PublishedEvaluations");

            migrationBuilder.DropTable(
                name: "Submissions");
        }
    }
}
