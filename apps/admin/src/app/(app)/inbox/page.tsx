/** `/inbox`: no conversation open (the layout shows the inbox). */
export default function Page() {
  return null;
}
