using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WebhookSecretOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousProtectedSecret",
                table: "WebhookEndpoints",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PreviousSecretUntil",
                table: "WebhookEndpoints",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousProtectedSecret",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "PreviousSecretUntil",
                table: "WebhookEndpoints");
        }
    }
}
