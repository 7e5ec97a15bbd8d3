using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContinuityJointDrills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JointDrillParticipations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    JointDrillId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupervisorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupervisorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportBy = table.Column<DateOnly>(type: "date", nullable: false),
                    ExternalInstitutions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Participated = table.Column<bool>(type: "boolean", nullable: false),
                    DrillId = table.Column<Guid>(type: "uuid", nullable: true),
                    SystemsInScope = table.Column<int>(type: "integer", nullable: false),
                    SystemsSwitched = table.Column<int>(type: "integer", nullable: false),
                    SystemsMissedRto = table.Column<int>(type: "integer", nullable: false),
                    CoreSystemsMissedRto = table.Column<int>(type: "integer", nullable: false),
                    Issues = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Systems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointDrillParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointDrillParticipations_ContinuityDrills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "ContinuityDrills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointDrillParticipations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JointDrills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scenario = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WindowFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportBy = table.Column<DateOnly>(type: "date", nullable: false),
                    ExternalInstitutions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Sector = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    InvitedOrganizationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointDrills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointDrills_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JointDrillResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    JointDrillId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SourceParticipationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Participated = table.Column<bool>(type: "boolean", nullable: false),
                    SystemsInScope = table.Column<int>(type: "integer", nullable: false),
                    SystemsSwitched = table.Column<int>(type: "integer", nullable: false),
                    SystemsMissedRto = table.Column<int>(type: "integer", nullable: false),
                    CoreSystemsMissedRto = table.Column<int>(type: "integer", nullable: false),
                    Issues = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Systems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointDrillResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointDrillResults_JointDrills_JointDrillId",
                        column: x => x.JointDrillId,
                        principalTable: "JointDrills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointDrillResults_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JointDrillParticipations_DrillId",
                table: "JointDrillParticipations",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_JointDrillParticipations_OrganizationId_JointDrillId",
                table: "JointDrillParticipations",
                columns: new[] { "OrganizationId", "JointDrillId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JointDrillParticipations_SupervisorOrganizationId_Status",
                table: "JointDrillParticipations",
                columns: new[] { "SupervisorOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JointDrillResults_JointDrillId",
                table: "JointDrillResults",
                column: "JointDrillId");

            migrationBuilder.CreateIndex(
                name: "IX_JointDrillResults_OrganizationId_JointDrillId",
                table: "JointDrillResults",
                columns: new[] { "OrganizationId", "JointDrillId" });

            migrationBuilder.CreateIndex(
                name: "IX_JointDrillResults_OrganizationId_SourceParticipationId",
                table: "JointDrillResults",
                columns: new[] { "OrganizationId", "SourceParticipationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JointDrills_OrganizationId_WindowFrom",
                table: "JointDrills",
                columns: new[] { "OrganizationId", "WindowFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JointDrillParticipations");

            migrationBuilder.DropTable(
                name: "JointDrillResults");

            migrationBuilder.DropTable(
                name: "JointDrills");
        }
    }
}
