using FinCloud.Rules.Continuity;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class InstitutionCategoriesTests
{
    [Fact]
    public void Every_category_the_continuity_rulebooks_name_has_a_Korean_name()
    {
        var used = RulebookLibrary.DisasterRecovery.All.SelectMany(v => v.Obligated.Select(o => o.Category))
            .Concat(RulebookLibrary.InsuranceMinimums.All.SelectMany(v => v.Minimums.Select(m => m.Category)))
            .Distinct()
            .ToList();

        used.Count.ShouldBeGreaterThan(5);
        used.Where(c => !InstitutionCategories.Named.Contains(c)).ShouldBeEmpty("the reasoning would show the data's code");
        InstitutionCategories.KoreanName("bank").ShouldBe("은행");
        InstitutionCategories.KoreanName("not-in-the-table").ShouldBe("not-in-the-table");
    }
}
