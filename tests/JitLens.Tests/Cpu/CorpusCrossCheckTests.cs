using JitLens.Model;
using Xunit;

namespace JitLens.Tests.Cpu;

/// <summary>
/// JitLens against the runtime's own <c>DOTNET_JitDisasm</c> on a corpus of varied methods (interface implementations on
/// classes and structs, iterators, async, generics, records, pattern matching, switches, spans, SIMD, exception handling,
/// locks, delegates, LINQ), all from one capture.
/// </summary>
public sealed partial class CorpusCrossCheckTests : IClassFixture<CorpusFixture>
{
    private readonly CorpusFixture _fixture;

    public CorpusCrossCheckTests(CorpusFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Should_give_every_method_native_code_that_the_runtime_compiled_too()
    {
        // Given the corpus inspected once, each unit paired with the runtime's listing of the same method
        var pairs = _fixture.Pairs;

        // When we look for units without code, or without a runtime listing
        var withoutCode = pairs.Where(p => !p.Unit.Views.TryGetValue("asm", out var asm) || asm.Instructions.Count == 0).Select(p => p.Unit.Name).ToList();
        var unmatched = pairs.Where(p => p.Listing is null).Select(p => p.Unit.Name).ToList();

        // Then there are none, for at least 50 methods
        Assert.True(pairs.Count >= 50, $"Only {pairs.Count} methods were shown.");
        Assert.True(withoutCode.Count == 0, "Without native code: " + string.Join(", ", withoutCode));
        Assert.True(unmatched.Count == 0, "No runtime listing for: " + string.Join(", ", unmatched));
    }

    [Fact]
    public void Should_show_the_same_instructions_as_the_runtime_for_every_method()
    {
        // Given every unit with its runtime listing
        var differing = new List<string>();
        foreach (var (unit, listing) in _fixture.Pairs.Where(p => p.Listing is not null))
        {
            // When both are normalised (labels, call targets and addresses masked)
            var expected = JitDisasmListing.Normalize(listing!.Instructions);
            var actual = JitDisasmListing.Normalize(unit.Asm());

            // Then they are equal
            if (!expected.SequenceEqual(actual))
            {
                var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
                differing.Add($"{unit.Name}, from instruction {at}:\n  runtime: {string.Join(" | ", expected.Skip(at).Take(6))}\n  jitlens: {string.Join(" | ", actual.Skip(at).Take(6))}");
            }
        }

        Assert.True(differing.Count == 0, string.Join('\n', differing));
    }

    [Fact]
    public void Should_list_no_more_as_prolog_than_the_runtimes_prolog_instruction_group()
    {
        // Given every unit with its runtime listing, whose first instruction group is the prolog the JIT emitted
        var overreaching = new List<string>();
        var funclets = 0;
        foreach (var (unit, listing) in _fixture.Pairs.Where(p => p.Listing is not null))
        {
            // When we count what JitLens labels prolog at the start of the code
            var instructions = unit.Views["asm"].Instructions;
            var prolog = instructions.TakeWhile(i => i.Region == CodeRegion.Prolog).Count();

            // Then it is no longer than the runtime's prolog group
            if (prolog > listing!.PrologCount)
            {
                overreaching.Add($"{unit.Name}: {prolog} prolog instructions, the runtime's prolog has {listing.PrologCount}");
            }

            // And any prolog further on opens a funclet (a catch, filter or finally block): the code before it does not
            // fall through into it
            for (var i = Math.Max(prolog, 1); i < instructions.Count; i++)
            {
                if (instructions[i].Region != CodeRegion.Prolog || instructions[i - 1].Region == CodeRegion.Prolog)
                {
                    continue;
                }

                funclets++;
                if (instructions[i - 1].Flow is ControlFlowKind.Next or ControlFlowKind.ConditionalBranch)
                {
                    overreaching.Add($"{unit.Name}: prolog at instruction {i} ({instructions[i].Text}) follows code that runs into it ({instructions[i - 1].Text})");
                }
            }
        }

        Assert.True(overreaching.Count == 0, string.Join('\n', overreaching));
        Assert.True(funclets > 0, "The corpus's exception handlers gave no funclet prolog.");
    }
}
