using FinCloud.Core.Features.Continuity;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>Field messages read as Korean sentences: the particle follows the field's name.</summary>
public sealed class ContinuityValidationTests
{
    [Fact]
    public void Missing_and_over_long_fields_are_named_with_the_right_particle()
    {
        var missing = ContinuityValidation.Role("", " ", "비상 시 대외 연락");
        missing["body"].ShouldBe("조직을 입력하세요");
        missing["role"].ShouldBe("역할을 입력하세요");

        ContinuityValidation.Procedure("", "1. 전환", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5))["title"].ShouldBe("절차명을 입력하세요");
        ContinuityValidation.Role(new string('가', 101), "CISO", "총괄")["body"].ShouldBe("조직은 100자 이내로 입력하세요");
    }
}
