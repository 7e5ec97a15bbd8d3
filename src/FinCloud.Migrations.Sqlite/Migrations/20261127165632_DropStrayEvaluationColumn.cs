using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DropStrayEvaluationColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CspEvaluationOutcomes_CspEvaluations_CspEvaluationId",
                table: "CspEvaluationOutcomes");

            migrationBuilder.DropIndex(
                name: "IX_CspEvaluationOutcomes_CspEvaluationId",
                table: "CspEvaluationOutcomes");

            migrationBuilder.DropColumn(
                name: "CspEvaluationId",
                table: "CspEvaluationOutcomes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CspEvaluationId",
                table: "CspEvaluationOutcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CspEvaluationOutcomes_CspEvaluationId",
                table: "CspEvaluationOutcomes",
                column: "CspEvaluationId");

            migrationBuilder.AddForeignKey(
                name: "FK_CspEvaluationOutcomes_CspEvaluations_CspEvaluationId",
                table: "CspEvaluationOutcomes",
                column: "CspEvaluationId",
                principalTable: "CspEvaluations",
                principalColumn: "Id");
        }
    }
}
