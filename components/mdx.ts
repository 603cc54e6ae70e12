// The components a chapter (MDX) can use without importing them. Every page that
// renders chapters (the chapter pages, the print-the-book page, translated editions)
// passes this map, so a new component is registered here once. Their contracts are in
// components/README.md.
import LiveExample from './example/LiveExample.astro';
import Compare from './compare/Compare.astro';
import ScalingChart from './scaling/ScalingChart.astro';
import Exercise from './exercise/Exercise.astro';
import Hint from './exercise/Hint.astro';
import Predict from './exercise/Predict.astro';
import InstructorNote from './site/InstructorNote.astro';
import InstructorOnly from './site/InstructorOnly.astro';

export const mdxComponents = { LiveExample, Compare, ScalingChart, Exercise, Hint, Predict, InstructorNote, InstructorOnly };
