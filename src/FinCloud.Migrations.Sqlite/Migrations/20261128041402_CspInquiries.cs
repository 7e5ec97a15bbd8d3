using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CspInquiries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CspInquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CspInquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CspInquiries_CloudUseCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CloudUseCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CspInquiries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CspInquiryAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InquiryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CspInquiryAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CspInquiryAnswers_CspInquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "CspInquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CspInquiries_CaseId",
                table: "CspInquiries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CspInquiries_OrganizationId_CaseId",
                table: "CspInquiries",
                columns: new[] { "OrganizationId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CspInquiries_TokenHash",
                table: "CspInquiries",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CspInquiryAnswers_InquiryId",
                table: "CspInquiryAnswers",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_CspInquiryAnswers_OrganizationId_InquiryId",
                table: "CspInquiryAnswers",
                columns: new[] { "OrganizationId", "InquiryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CspInquiryAnswers");

            migrationBuilder.DropTable(
                name: "CspInquiries");
        }
    }
}
