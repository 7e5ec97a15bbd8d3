using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinCloud.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CspInquiryAnswerIdsFromDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
