using System.CommandLine;
using System.Text;
using FinCloud.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
var root = new RootCommand("FinCloud — 클라우드 이용·망분리·업무연속성 규정 준수 도구 (rules, calendar, scan, audit)");
// Command groups live in their feature folders; each adds itself here.
root.Subcommands.Add(FinCloud.Cli.Rules.RulesCommands.Create());
root.Subcommands.Add(FinCloud.Cli.Calendar.CalendarCommands.Create());
root.Subcommands.Add(FinCloud.Cli.Scan.ScanCommands.Create());
root.Subcommands.Add(FinCloud.Cli.Audit.AuditCommands.Create());
root.Subcommands.Add(FinCloud.Cli.Exchange.BundleCommands.Create());
root.Subcommands.Add(FinCloud.Cli.Admin.AdminCommands.Create());
root.Subcommands.Add(FinCloud.Cli.Oscal.OscalCommands.Create());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    return InputErrorException.Write(Console.Error, "usage", string.Join("; ", parsed.Errors.Select(e => e.Message)), null);
}

try
{
    // The default handler would print a stack trace and exit 1; input errors must reach the catch below.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InputErrorException error)
{
    return InputErrorException.Write(Console.Error, error.Code, error.Message, error.Path);
}
#pragma warning disable CA1031 // the last line of defence: no stack trace reaches the user, exit 1 means an internal failure
catch (Exception error)
#pragma warning restore CA1031
{
    InputErrorException.Write(Console.Error, "internal", error.Message, null);
    return 1;
}
