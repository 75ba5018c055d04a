global using DaskOperator.Tests.Support;
global using Xunit;
