using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Rules.Tests.Catalogue;

public sealed class CatalogueCsvImporterTests
{
    private const string Official = """
        id,domain,class,serviceModels,coveredBy,text
        1,계정 관리,필수,iaas;paas;saas,,"관리자 계정을 식별하고, ""최소 권한""을 부여한다"
        2,접근 통제,대체,iaas;paas,CSAP;ISO/IEC 27017,"접근 통제 정책
        (여러 줄)"
        3,재무 건전성,mandatory,,,재무 상태를 확인한다
        """;

    [Fact]
    public void The_official_annex_replaces_the_illustrative_items_with_its_own_numbering()
    {
        var imported = CatalogueCsvImporter.Import(new StringReader(Official), CspCatalogues.ById("2023"));

        imported.Illustrative.ShouldBeFalse();
        imported.Items.Select(i => i.Id).ShouldBe(["1", "2", "3"]);
        imported.Items.ShouldAllBe(i => !i.Illustrative);
        imported.Items[0].Text.ShouldBe("관리자 계정을 식별하고, \"최소 권한\"을 부여한다");
        imported.Items[1].Class.ShouldBe(ItemClass.Alternative);
        imported.Items[1].CoveredBy.ShouldBe([CertificationScheme.Csap, CertificationScheme.Iso27017]);
        imported.Items[1].ServiceModels.ShouldBe([ServiceModel.Iaas, ServiceModel.Paas]);
        imported.Items[1].Text.ShouldContain("여러 줄");
        imported.Items[2].ServiceModels.Count.ShouldBe(3);
        imported.RegimeIds.ShouldBe(CspCatalogues.ById("2023").RegimeIds);
    }

    [Fact]
    public void An_import_that_differs_from_the_known_structure_is_reported()
    {
        var imported = CatalogueCsvImporter.Import(new StringReader(Official), CspCatalogues.ById("2023"));

        var differences = CatalogueCsvImporter.CompareWithKnownStructure(imported, CspCatalogues.ById("2023"));

        differences.ShouldContain(d => d.StartsWith("Mandatory: expected 16 items, imported 2", StringComparison.Ordinal));
        CatalogueCsvImporter.CompareWithKnownStructure(CspCatalogues.ById("2023"), CspCatalogues.ById("2023")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("id,domain,class,text\n1,a,optional,t", 2, "Unknown class")]
    [InlineData("id,domain,text\n1,a,t", 1, "Missing column 'class'")]
    [InlineData("id,domain,class,text\n1,a,필수,t\n1,b,대체,u", 3, "Duplicate id")]
    [InlineData("id,domain,class,text,coveredBy\n1,a,대체,t,SOC2", 2, "Unknown certification")]
    [InlineData("id,domain,class,text\n1,a,필수,\"open", 2, "Unterminated")]
    public void Bad_rows_are_refused_with_their_line(string csv, int line, string message)
    {
        var error = Should.Throw<CatalogueImportException>(() => CatalogueCsvImporter.Import(new StringReader(csv), CspCatalogues.ById("2023")));

        error.Line.ShouldBe(line);
        error.Message.ShouldContain(message);
    }
}
