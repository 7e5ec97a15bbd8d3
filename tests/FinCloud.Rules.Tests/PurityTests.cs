using FinCloud.Rules.CloudUse;

namespace FinCloud.Rules.Tests;

public sealed class PurityTests
{
    [Fact]
    public void The_rules_library_references_no_database_or_web_framework() =>
        typeof(CloudUseRules).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .ShouldAllBe(name => !name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                && !name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                && !name.StartsWith("Npgsql", StringComparison.Ordinal));
}
