namespace FinCloud.Web.Tests.Reliability;

/// <summary>Measured figures of the reliability tests, appended to artifacts/test-results/reliability.txt for the report.</summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Record(string line)
    {
        TestContext.Current.SendDiagnosticMessage(line);
        var folder = Path.Combine(Browser.BrowserFixture.RepositoryRoot, "artifacts", "test-results");
        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "reliability.txt"), $"{TimeProvider.System.GetUtcNow():u} {line}\n");
        }
    }
}
