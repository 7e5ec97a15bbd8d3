using System.CommandLine;
using FinCloud.Rules;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Cli.Rules;

/// <summary><c>fincloud rules …</c>: the cloud-use decision (CLI contract §1).</summary>
public static class RulesCommands
{
    public static Command Create()
    {
        var group = new Command("rules", "전자금융감독규정 제14조의2 클라우드 이용절차 판단 (cloud-use decision under the rulebook in force on asOf)");
        group.Subcommands.Add(Evaluate());
        group.Subcommands.Add(Explain());
        group.Subcommands.Add(Plan());
        group.Subcommands.Add(Versions());
        group.Subcommands.Add(Decisions());
        return group;
    }

    private static Option<string> InputOption() => new("--input", "-i")
    {
        Description = "Scenario JSON file, or - for stdin. A contract example file ({\"scenario\":…,\"decision\":…}) is accepted too.",
        Required = true,
    };

    private static Command Evaluate()
    {
        var input = InputOption();
        var basis = new Option<bool>("--with-basis")
        {
            Description = "Add a \"basis\" object: rulebook version, provisions with confidence tags, encoding decisions, calendar version.",
        };
        var command = new Command("evaluate", """
            Reads one cloud-use scenario and writes the decision JSON to stdout.

            Examples:
              fincloud rules evaluate --input scenario.json
              cat scenario.json | fincloud rules evaluate --input -
              fincloud rules evaluate --input scenario.json --with-basis
            """);
        command.Options.Add(input);
        command.Options.Add(basis);
        command.SetAction(parse =>
        {
            var decision = Decide(parse.GetValue(input)!);
            Console.Out.Write(CloudUseJson.WriteDecision(decision, parse.GetValue(basis)) + "\n");
            return 0;
        });
        return command;
    }

    private static Command Explain()
    {
        var input = InputOption();
        var command = new Command("explain", """
            Explains the decision in Korean: regime, materiality, each step with its citation, the CSP evaluation
            scope, the FSS report and every deadline with the rule that computed it.

            Example:
              fincloud rules explain --input scenario.json
            """);
        command.Options.Add(input);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var scenario = ReadScenario(path);
            var decision = Decide(scenario);
            Console.Out.Write(DecisionExplainer.Explain(scenario, decision));
            return 0;
        });
        return command;
    }

    private static Command Plan()
    {
        var input = InputOption();
        var command = new Command("plan", """
            Writes the task plan for the decision as JSON: stable keys, Korean and English titles, required or
            relaxed, dependencies, due dates, expected evidence and citations.

            Example:
              fincloud rules plan --input scenario.json
            """);
        command.Options.Add(input);
        command.SetAction(parse =>
        {
            var scenario = ReadScenario(parse.GetValue(input)!);
            var plan = TaskPlanner.Plan(Decide(scenario), scenario);
            Console.Out.Write(CloudUseJson.WritePlan(plan) + "\n");
            return 0;
        });
        return command;
    }

    private static Command Versions()
    {
        var command = new Command("versions", "Lists the bundled cloud-use rulebook versions with their validity intervals.");
        command.SetAction(_ =>
        {
            foreach (var version in RulebookLibrary.CloudUse)
            {
                var until = version.EffectiveUntil is { } u ? u.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
                Console.Out.Write($"{version.Id}\t{version.EffectiveFrom:yyyy-MM-dd}..{until}\t{version.Amendment}\n");
            }

            return 0;
        });
        return command;
    }

    private static Command Decisions()
    {
        var id = new Argument<string?>("id") { Description = "One decision (ED-8) to print in full", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("decisions", """
            Lists the product's readings where the regulation is silent or ambiguous (ED-1 … ED-22), which rules cite
            beside their provisions; with an id, prints that decision in Korean and English.

            Examples:
              fincloud rules decisions
              fincloud rules decisions ED-8
            """);
        command.Arguments.Add(id);
        command.SetAction(parse =>
        {
            if (parse.GetValue(id) is not { } wanted)
            {
                foreach (var d in EncodingDecisions.All)
                {
                    Console.Out.Write($"{d.Id}\t{d.TitleKo}\t{d.TitleEn}\n");
                }

                return 0;
            }

            var decision = EncodingDecisions.Find(wanted.Trim().ToUpperInvariant())
                ?? throw new InputErrorException("not-found", $"No encoding decision '{wanted}'; they run from ED-1 to {EncodingDecisions.All[^1].Id}.", "$.id");
            Console.Out.Write($"{decision.Id} {decision.TitleKo}\n{decision.SummaryKo}\n\n{decision.TitleEn}\n{decision.SummaryEn}\n");
            return 0;
        });
        return command;
    }

    private static CloudUseDecision Decide(string path) => Decide(ReadScenario(path));

    private static CloudUseDecision Decide(CloudUseScenario scenario)
    {
        try
        {
            return CloudUseRules.Evaluate(scenario);
        }
        catch (RegimeOutOfScopeException error)
        {
            throw new InputErrorException("out-of-scope", error.Message, "$.asOf");
        }
        catch (ArgumentOutOfRangeException error)
        {
            // A date the arithmetic needs lies outside the bundled calendar years.
            throw new InputErrorException("out-of-range", FirstLine(error.Message), "$.contract");
        }
    }

    internal static CloudUseScenario ReadScenario(string path)
    {
        byte[] bytes;
        if (path == "-")
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        else
        {
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new InputErrorException("input-not-readable", $"Cannot read '{path}': {error.Message}", null);
            }
        }

        try
        {
            return CloudUseJson.ReadScenario(bytes);
        }
        catch (ScenarioFormatException error)
        {
            throw new InputErrorException(error.Code, error.Message, error.Path);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Split(" (Parameter")[0].Trim();
}
